export const value = "recreated";
