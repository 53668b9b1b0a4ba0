async function f() { await 1; }
const g = async () => { for await (const x of []) {} };
console.log("subject");
export { f, g };
