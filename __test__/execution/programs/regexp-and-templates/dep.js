export const a = "value of a";
