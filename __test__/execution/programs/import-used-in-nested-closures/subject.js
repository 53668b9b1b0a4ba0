import { a } from "./dep.js";
export const get = () => () => a;
export function* gen() { yield a; }
