export * from "./dep.js";
export * from "./other.js";
export const shadowed = "local wins";
