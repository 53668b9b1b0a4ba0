export type OnlyType = string;
export const used = "used";
