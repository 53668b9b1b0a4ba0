export * as ns from "./dep.js";
export * as "string ns" from "./dep.js";
