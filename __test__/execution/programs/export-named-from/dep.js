export let a = "a", b = "b";
export default "dep default";
export function bump() { a = "a bumped"; }
