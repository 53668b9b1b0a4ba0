import { f, C } from "./dep.js";
import { show } from "../report.js";
const g = function f() { return f; };
const D = class C { m() { return C; } };
show("g() returns itself", g() === g);
show("D's own name", new D().m() === D);
show("f, C", [f, C]);
