import { a, b } from "./dep.js";
import { show } from "../report.js";
function f() {
  const { a, c: [b] } = { a: "local a", c: ["local b"] };
  return [a, b];
}
show("f()", f());
show("a, b", [a, b]);
