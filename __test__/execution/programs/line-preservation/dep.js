export const a = "message";
