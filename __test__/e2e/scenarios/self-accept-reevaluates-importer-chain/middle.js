import { leaf } from "./leaf.js";
import { sibling } from "./sibling.js";
console.log(`middle evaluated with ${leaf}`);
export const label = `${leaf}+${sibling}`;
