export const a = "imported a";
export const list = ["x", "y"];
