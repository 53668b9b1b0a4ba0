// Array destructuring of an import in a declaration: V8 names the initializer only when it is an
// identifier.
import { n } from "./dep.js";
import { attempt } from "../report.js";
attempt("const [x] = n", () => { const [x] = n; return x; });
