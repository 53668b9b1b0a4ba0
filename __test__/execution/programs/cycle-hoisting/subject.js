import "./early.js";
export default function () { return "default called early"; }
export function named() { return "named called early"; }
export let late = "late";
export const constant = "constant";
export class Late {}
export var hoistedVar = "var";
console.log("subject.js body");
