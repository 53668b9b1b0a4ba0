export function f() { return ["f called", this]; }
f.x = function () { return ["f.x called", this === f]; };
export const missing = undefined;
