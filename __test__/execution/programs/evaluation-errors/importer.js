import { before } from "./throws.js";
console.log("never printed", before);
