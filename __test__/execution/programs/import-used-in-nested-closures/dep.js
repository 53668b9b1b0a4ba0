export let a = 1;
export function set(value) { a = value; }
