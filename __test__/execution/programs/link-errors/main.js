import { attemptAsync } from "../report.js";
await attemptAsync("missing export", () => import("./missing-export.js"));
await attemptAsync("missing default", () => import("./missing-default.js"));
await attemptAsync("missing re-export", () => import("./missing-reexport.js"));
await attemptAsync("missing file", () => import("./missing-file.js"));
await attemptAsync("a link error evaluates nothing", () => import("./evaluates-dep.js"));
await attemptAsync("dep.js evaluates once on its own", () => import("./dep.js"));
