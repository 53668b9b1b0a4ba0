import "./not-there.js";
console.log("never printed");
