// V8 names the callee in these messages; the names must be the ones in the source.
import { g, n } from "./dep.js";
import * as ns from "./dep.js";
import { attempt } from "../report.js";
attempt("g()", () => g());
attempt("g?.()", () => g?.());
attempt("new g()", () => new g());
attempt("g.x()", () => g.x());
attempt("ns.g()", () => ns.g());
attempt("[...n]", () => [...n]);
attempt("for (const x of n)", () => { for (const x of n); });
attempt("n.x.y", () => n.x.y);
attempt("class extends g", () => class extends g {});
attempt("'x' in n", () => "x" in n);
attempt("n instanceof g", () => n instanceof g);
