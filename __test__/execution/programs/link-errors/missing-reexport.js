export { nope } from "./dep.js";
