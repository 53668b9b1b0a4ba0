for await (const x of []) {}
async function* numbers() { yield 1; await null; yield 2; }
export const seen = [];
for await (const x of numbers()) seen.push(x);
for await (const x of [Promise.resolve("p"), "plain"]) seen.push(x);
