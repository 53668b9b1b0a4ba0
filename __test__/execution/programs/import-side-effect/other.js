import "./side.js";
console.log("other.js evaluated, side count", globalThis.sideCount);
