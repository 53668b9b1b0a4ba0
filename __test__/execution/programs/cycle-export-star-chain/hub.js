import "./entry.js";
export * from "./middle.js";
export { built as builtAgain, build as buildAgain } from "./relay.js";
