import "./entry.js";
export * as tools from "./core.js";
export * from "./more.js";
