import { a } from "./dep.js";
import { show } from "../report.js";
let count = 0;
a: for (;;) { count++; break a; }
b: { continue_label: for (let i = 0; i < 3; i++) { count++; continue continue_label; } }
show("a, count", [a, count]);
