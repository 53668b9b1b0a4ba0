import { a } from "./a.js";
export const b = "b value";
export function readA() { return a; }
console.log("b body");
await null;
console.log("b after await");
