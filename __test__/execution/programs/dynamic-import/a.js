export const value = "a value";
