import { attemptAsync } from "../report.js";
await attemptAsync("import() of a file with a syntax error", () => import("./broken.js"));
