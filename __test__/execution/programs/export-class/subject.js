export class C { static s = "static"; #p = "private"; get p() { return this.#p; } }
export class D extends C {}
