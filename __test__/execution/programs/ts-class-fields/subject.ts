export class C {
  private x: number = 1;
  constructor(public y: number) {}
  declare z: string;
  sum(): number { return this.x + this.y; }
}
