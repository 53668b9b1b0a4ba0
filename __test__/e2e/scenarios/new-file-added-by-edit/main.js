import { message } from "./dep.js";
console.log(message);
import.meta.hot.accept("./dep.js", () => console.log(`now: ${message}`));
