import "./subject.js";
console.log("never printed");
