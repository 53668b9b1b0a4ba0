import { a } from "./dep.js";
import { attempt, show } from "../report.js";
attempt("(a) = 1", () => { (a) = 1; });
attempt("[(a)] = [1]", () => { [(a)] = [1]; });
attempt("((a)) += 1", () => { ((a)) += 1; });
show("a", a);
