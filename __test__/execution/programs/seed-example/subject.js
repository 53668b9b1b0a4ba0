import { importedValue } from "./a-module.js";
export const exportedValue = "hello world";
console.log(importedValue);
