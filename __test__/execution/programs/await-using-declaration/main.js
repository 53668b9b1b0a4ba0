// `using` needs Node 24 or newer; on older versions both runs report the same SyntaxError from import().
import { attemptAsync } from "../report.js";
await attemptAsync("import()", () => import("./subject.js"));
console.log("after import()");
