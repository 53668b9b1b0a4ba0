import { a } from "./dep.js";
import { show } from "../report.js";
function outer() {
  function a() {}
  return a;
}
function other() { return a; }
function blockFunction() {
  { function a() { return "block function"; } }
  return typeof a === "function" ? a() : a;
}
show("outer()", outer());
show("other()", other());
show("blockFunction()", blockFunction());
