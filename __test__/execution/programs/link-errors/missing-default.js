import value from "./dep.js";
console.log("never printed", value);
