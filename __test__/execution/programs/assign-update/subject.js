import { a, log } from "./dep.js";
import { attempt, show } from "../report.js";
attempt("a++", () => { a++; });
attempt("--a", () => { --a; });
attempt("a++ as an expression value", () => [a++]);
show("log (ToNumeric runs before the write fails)", log);
