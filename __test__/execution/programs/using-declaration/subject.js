using resource = { [Symbol.dispose]() { console.log("disposed"); } };
using second = { [Symbol.dispose]() { console.log("second disposed first"); } };
using nothing = null;
console.log("body end");
export const value = "exported";
