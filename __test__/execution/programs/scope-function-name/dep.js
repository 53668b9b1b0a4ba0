export const f = "imported f", C = "imported C";
