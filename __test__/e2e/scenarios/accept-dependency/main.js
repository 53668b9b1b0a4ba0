import { value } from "./dep.js";
console.log(`main sees ${value}`);
import.meta.hot.accept("./dep.js", () => console.log(`accepted ${value}`));
