export const a = "imported a";
