import { value } from "./dep.js";
console.log(`main: ${value}`);
