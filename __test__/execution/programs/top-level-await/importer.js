import { value } from "./subject.js";
console.log("importer sees", value);
