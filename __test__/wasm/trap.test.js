// A trap inside the wasm module (here: a chain of a million `!`, which exhausts the stack while
// parsing; wasm frames are on V8's native stack, so deep brackets and arrows trap too, before the
// transform's own limit of 4,096 levels) is an error for that module only. The instance is
// replaced, and the next call answers as before.

import test from "ava";
import { loadNativeBackend } from "../../dist/transform/native.js";
import { loadWasmBackend } from "../../dist/transform/wasm.js";

const wasm = loadWasmBackend();
const native = loadNativeBackend();
const nested = `export const deep = ${"!".repeat(1_000_000)}0;\n`;
const ordinary = 'import { a } from "./a.js";\nexport const b = a + 1;\n';

test("a trap becomes an error naming the module, and the next call works", t => {
	const url = "file:///app/deep.js";
	const error = t.throws(() => wasm.transformSync(nested, { url }));
	t.false(error instanceof SyntaxError, "a trap is not a syntax error of the module");
	t.true(error.message.startsWith(`dynohot: the wasm transform failed on ${url}: `), error.message);
	t.truthy(error.cause);

	const options = { url: "file:///app/next.js", sourceMap: true };
	t.deepEqual(wasm.transformSync(ordinary, options), native.transformSync(ordinary, options));
});

test("the asynchronous transform rejects on a trap and recovers the same way", async t => {
	await t.throwsAsync(wasm.transform(nested, { url: "file:///app/deep.js" }), { message: /wasm transform failed/ });
	const options = { url: "file:///app/next.js" };
	t.deepEqual(await wasm.transform(ordinary, options), native.transformSync(ordinary, options));
});

test("syntax errors are answers, not traps: many in a row leave the instance usable", t => {
	for (let index = 0; index < 50; index++) {
		t.throws(() => wasm.transformSync(`let x${index} = ;`, { url: "file:///app/bad.js" }), { instanceOf: SyntaxError });
	}
	const options = { url: "file:///app/next.js" };
	t.deepEqual(wasm.transformSync(ordinary, options), native.transformSync(ordinary, options));
});
