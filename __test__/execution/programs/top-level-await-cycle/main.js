import { a } from "./a.js";
import { readA } from "./b.js";
console.log("main", a, readA());
