import type { T } from "./types.ts";
import { type U, value } from "./dep.ts";
interface I { x: number }
type A = string;
declare const d: number;
export const x: number = value as number;
let y = <number>value;
function f(a: T, b: U): A { return "" as A; }
export type { I };
export const results = [y, f("t", 1), typeof d === "undefined" ? "d is not declared at run time" : "d"];
