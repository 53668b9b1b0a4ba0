import { label } from "./middle.js";
console.log(`main: ${label}`);
import.meta.hot.accept();
