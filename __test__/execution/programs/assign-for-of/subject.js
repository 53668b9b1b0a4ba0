import { a } from "./dep.js";
import { attempt } from "../report.js";
attempt("for (a of [1])", () => { for (a of [1]) {} });
attempt("for (a of []) (never assigns)", () => { for (a of []) {} return "no error"; });
attempt("for (a in {}) (never assigns)", () => { for (a in {}) {} return "no error"; });
attempt("for (a in { k: 1 })", () => { for (a in { k: 1 }) {} });
