// Issue 16: a call through an import of something that is not a function. V8 words the message
// after the callee's code; it must be the user's (`cfg is not a function`), and the binding stays
// live: a later write of the exporter is what the next call sees.
import settings, { cfg, later, becomeCallable, self } from "./cfg.js";
import * as all from "./cfg.js";
import { attempt, show } from "../report.js";
attempt("cfg()", () => cfg());
attempt("cfg.port()", () => cfg.port());
attempt("cfg().port", () => cfg().port);
attempt("settings()", () => settings());
attempt("new cfg()", () => new cfg());
attempt("all.cfg()", () => all.cfg());
attempt("cfg`x`", () => cfg`x`);
attempt("later()", () => later());
becomeCallable();
attempt("later() after the write", () => later());
attempt("this in a call", () => self() === undefined);
attempt("this in a tagged template", () => self`` === undefined);
attempt("message in a nested function", () => (function inner() { return [cfg][0](); })());
attempt("undefined property call", () => cfg.missing.deeper());
attempt("callback", () => [1].map(cfg));
attempt("spread of a non-iterable", () => [...cfg]);
attempt("for of a non-iterable", () => { for (const x of cfg); });
attempt("object destructuring of null", () => { const { a } = settings.plain ? null : cfg; return a; });
show("typeof", typeof cfg);
show("no holder in messages", (() => { try { cfg(); } catch (error) { return error.message.includes("$hot"); } })());
