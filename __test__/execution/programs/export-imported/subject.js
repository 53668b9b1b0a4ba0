import { a } from "./dep.js";
import d from "./dep.js";
export { a, a as b, d };
