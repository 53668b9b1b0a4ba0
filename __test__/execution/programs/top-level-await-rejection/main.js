import { attemptAsync } from "../report.js";
await attemptAsync("import() of the importer", () => import("./importer.js"));
await attemptAsync("import() of the module", () => import("./subject.js"));
