import { tools, moreTools } from "./hub.js";
import { attempt } from "../report.js";
attempt("tools.make", () => tools.make("early"));
attempt("moreTools.make", () => moreTools.make("early"));
attempt("tools.fixed (temporal dead zone)", () => tools.fixed);
attempt("keys of moreTools", () => Reflect.ownKeys(moreTools).map(String));
