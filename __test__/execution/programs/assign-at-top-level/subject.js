import { a } from "./dep.js";
console.log("before the assignment");
a = 1;
console.log("never printed");
