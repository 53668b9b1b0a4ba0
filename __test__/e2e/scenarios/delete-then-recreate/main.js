import { value } from "./dep.js";
console.log(`value ${value}`);
import.meta.hot.accept("./dep.js", () => console.log(`value ${value}`));
