export class a {
  static [Symbol.toPrimitive]() { return "key"; }
  inherited() { return "from a"; }
}
