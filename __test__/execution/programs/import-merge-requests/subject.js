import { a } from "./dep.js";
export { b } from "./other.js";
import { c } from "./dep.js";
export * from "./dep.js";
console.log(a, c);
