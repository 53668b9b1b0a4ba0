export const fromOther = "other";
export const ambiguous = "other ambiguous";
export { same } from "./dep.js";
