export const label = "main-1";
