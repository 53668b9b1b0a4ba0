import { nope } from "./dep.js";
console.log("never printed", nope);
