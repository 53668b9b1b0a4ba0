import { a } from "./dep.js";


const x = 1;

function f() {
  return new Error(a).stack;
}



console.log(x,
  f().split("\n").filter(line => line.includes("subject.js")).map(line => line.match(/subject\.js:(\d+)/)[1]));
export const y = 2;
