export const a = "imported a";
export const b = "imported b";
export const e = "imported e";
