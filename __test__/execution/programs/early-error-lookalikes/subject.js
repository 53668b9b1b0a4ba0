// Not errors: each `var` below lives in its own function scope, and private names are declared.
function f() {
  var f;
  let g;
  function h() {}
  function h() {}
}
var v;
var v;
export {} // a line break ends the declaration
null;
class C {
  #x;
  static has(o) {
    return #x in o && new (class { m() { return o.#x; } })();
  }
}
export { f, v, C };
