console.log("subject start");
export const value = await Promise.resolve(1);
await null;
console.log("subject end");
