export * as moreTools from "./core.js";
