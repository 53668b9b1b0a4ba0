export const value = "two";
