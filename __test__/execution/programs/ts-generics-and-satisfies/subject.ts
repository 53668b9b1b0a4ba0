import { make } from "./dep.ts";
export const v = make<string>("x") satisfies string;
const w = v!;
export const results = [w, make<number>(1) as number, <string>make("angle")];
