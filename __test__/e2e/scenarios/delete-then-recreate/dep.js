export const value = "before";
