export const log = [];
export const a = { label: "a", valueOf() { log.push("a.valueOf"); return 2; } };
export const t = "truthy";
export const f = 0;
export const n = null;
