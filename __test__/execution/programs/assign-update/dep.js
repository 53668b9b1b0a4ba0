export const log = [];
export const a = { valueOf() { log.push("valueOf"); return 1; } };
