import "./side.js";
import "./side.js";
import "./other.js";
console.log("side");
