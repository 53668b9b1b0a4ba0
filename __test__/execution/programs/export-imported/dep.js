export let a = 1;
export default "dep default";
export function bump() { a += 1; }
