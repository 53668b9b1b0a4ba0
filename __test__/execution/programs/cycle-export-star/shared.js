import "./entry-a.js";
export * from "./core.js";
