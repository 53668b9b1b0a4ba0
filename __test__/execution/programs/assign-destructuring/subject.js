import { a, b } from "./dep.js";
import { attempt, show } from "../report.js";
const log = [];
function* values() { log.push("next 1"); yield 1; log.push("next 2"); yield 2; log.push("done"); }
const source = { get b() { log.push("get b"); return "B"; }, get c() { log.push("get c"); return "C"; } };
attempt("[a] = iterator", () => { [a] = values(); });
attempt("({ b } = source)", () => { ({ b } = source); });
attempt("({ c: a } = source)", () => { ({ c: a } = source); });
attempt("({ b = 1 } = {})", () => { ({ b = 1 } = {}); });
attempt("[...a] = iterator", () => { [...a] = values(); });
attempt("[x, a] = iterator (x is local)", () => { let x; [x, a] = values(); });
show("log", log);
show("a, b unchanged", [a, b]);
