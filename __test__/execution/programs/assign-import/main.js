import { assign } from "./subject.js";
import { a } from "./dep.js";
import { attempt, show } from "../report.js";
attempt("assign()", assign);
show("a", a);
attempt("top-level assignment in main", () => { a = 2; });
