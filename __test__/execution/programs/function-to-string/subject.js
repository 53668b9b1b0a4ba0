import { a } from "./dep.js";
export function f(x,   y) { /* kept */ return a + x; }
export default class { method() { return a; } }
export const arrow = async (z) => { await z; };
