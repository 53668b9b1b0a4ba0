import { a } from "./dep.js";
import { show } from "../report.js";
function f(x = a, { y = a } = {}) { return x + " + " + y; }
show("f()", f());
show("f('x', { y: 'y' })", f("x", { y: "y" }));
