export function make(value) { return `made ${value}`; }
export let late = "late";
