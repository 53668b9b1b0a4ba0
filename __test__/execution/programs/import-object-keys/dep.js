export const a = "computed";
