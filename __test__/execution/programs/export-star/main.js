import * as subject from "./subject.js";
import { same } from "./subject.js";
import { show, attemptAsync } from "../report.js";
show("namespace", subject);
show("same (one binding through two stars is not ambiguous)", same);
await attemptAsync("importing an ambiguous name", () => import("./imports-ambiguous.js"));
await attemptAsync("importing default through export *", () => import("./imports-default.js"));
