import { ambiguous } from "./subject.js";
console.log(ambiguous);
