import { a } from "./dep.js";
import { show } from "../report.js";
show("typeof a, void a, delete a.b", [typeof a, void a, delete a.b]);
show("a after delete", a);
show("typeof undeclared", typeof undeclaredName);
