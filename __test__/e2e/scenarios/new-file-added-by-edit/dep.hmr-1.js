import { helper } from "./helper.js";
export const message = `with ${helper}`;
