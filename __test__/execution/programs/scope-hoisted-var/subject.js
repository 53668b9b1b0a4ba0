import { a } from "./dep.js";
import { show } from "../report.js";
function f() {
  show("hoisted var before its declaration", a);
  var a = 1;
  return a;
}
show("f()", f());
show("a", a);
