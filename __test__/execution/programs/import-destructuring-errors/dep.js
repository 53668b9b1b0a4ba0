export const n = null;
