export default class { static x = 1; static who() { return this.name; } }
