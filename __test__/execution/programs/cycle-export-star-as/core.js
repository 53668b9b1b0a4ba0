export function make(value) { return `made ${value}`; }
export const fixed = "fixed";
