export let a = 1;
export function bump() { a = 2; }
