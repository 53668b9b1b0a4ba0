import { attemptAsync } from "../report.js";
let first;
await attemptAsync("import() of the importer", () => import("./importer.js").catch(error => { first = error; throw error; }));
let second;
await attemptAsync("import() of the thrower", () => import("./throws.js").catch(error => { second = error; throw error; }));
console.log("the same error object", first === second);
