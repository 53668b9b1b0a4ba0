export function createThing(value) { return `thing ${value}`; }
export const label = "core label";
