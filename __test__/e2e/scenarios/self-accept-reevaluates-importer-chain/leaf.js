export const leaf = "leaf 1";
