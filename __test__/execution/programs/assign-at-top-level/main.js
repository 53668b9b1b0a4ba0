import { attemptAsync } from "../report.js";
await attemptAsync("import()", () => import("./subject.js"));
await attemptAsync("import() again rethrows the same error", () => import("./subject.js"));
