export let a = 1;
export function increment() { a += 1; }
