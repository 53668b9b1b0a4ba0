import x from "./dep.js";
import { y } from "./dep.js";
export { x as default, y as "string name" };
