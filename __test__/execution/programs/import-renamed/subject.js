import { a as b } from "./dep.js";
import { show } from "../report.js";
show("b, 'a'", [b, "a"]);
show("typeof a", typeof a);
