// Writes to a module namespace object fail as in plain Node, with the same errors.
import * as ns from "./dep.js";
import { attempt, show } from "../report.js";
attempt("assign", () => { ns.value = 2; });
attempt("assign a new name", () => { ns.other = 2; });
attempt("delete", () => delete ns.value);
attempt("defineProperty other value", () => Object.defineProperty(ns, "value", { value: 2 }));
attempt("Object.freeze", () => Object.freeze(ns));
show("value unchanged", ns.value);
