export const leaf = "leaf 2";
