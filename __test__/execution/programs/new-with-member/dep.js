export class ns { static C = class { constructor() { this.made = "ns.C"; } }; constructor() { this.made = "ns"; } }
