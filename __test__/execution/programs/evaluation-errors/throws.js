console.log("throws.js runs");
export const before = 1;
throw new RangeError("thrown at top level");
