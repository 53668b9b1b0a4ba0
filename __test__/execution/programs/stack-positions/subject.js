import { make } from "./dep.js";
// Positions of frames in this file, with source maps on (main.js turns them on).
function where(error) {
  return error.stack.split("\n").filter(line => line.includes("subject.js")).map(line => line.match(/subject\.js:(\d+:\d+)/)?.[1]);
}
const  direct = new Error("direct");
    const viaImport = make();
export const positions = { direct: where(direct), viaImport: where(viaImport), nested: where((() => { return    new Error("nested"); })()) };
