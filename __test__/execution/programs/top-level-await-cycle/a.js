import { b } from "./b.js";
console.log("a start, b is", b);
export const a = await Promise.resolve("a value");
console.log("a end");
