using resource = { [Symbol.dispose]() { throw new Error("dispose failed"); } };
throw new Error("body failed");
