export const message = "no helper";
