export let a = 1;
export const b = 2;
export var c = 3;
export function change() { a = "a changed"; c = "c changed"; }
