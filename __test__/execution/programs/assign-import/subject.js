import { a } from "./dep.js";
export function assign() { a = 1; }
console.log("subject evaluated");
