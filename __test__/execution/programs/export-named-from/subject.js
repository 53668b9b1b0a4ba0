export { a, b as c, default } from "./dep.js";
export { default as d, "x y" as "z w" } from "./other.js";
