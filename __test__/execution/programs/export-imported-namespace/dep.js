export const value = "dep value";
