import value from "./subject.js";
console.log(value);
