export const g = "not callable";
export const n = null;
