await using resource = { async [Symbol.asyncDispose]() { await null; console.log("async disposed"); } };
using sync = { [Symbol.dispose]() { console.log("sync disposed first"); } };
console.log("body end");
