// Module semantics equal plain node (docs/semantics.md §3), in the cases fixtures/semantics/ cannot
// state: what plain node prints differs between Node versions (the names of a CommonJS namespace;
// `using`, which parses only on 24+).
import test from "ava";
import { sameAsNode } from "../harness/index.js";
import { loaded, runBehaviour } from "./scenario.js";

test("export * from a CommonJS module provides no default", async t => {
	// The names besides `a` and `b` depend on the Node version (`module.exports` since Node 23).
	const { native } = await sameAsNode(t, {
		"main.js": `import * as ns from "./dep.js";
console.log("default" in ns, ns.a, ns.b, Object.keys(ns).join(","));`,
		"dep.js": `export * from "./lib.cjs";`,
		"lib.cjs": `exports.a = "a";
exports.b = "b";`,
	});
	t.regex(native.lines.stdout[0] ?? "", /^false a b a,b\b/);
});

test("using declarations are disposed at the end of the module body", async t => {
	const files = {
		"main.js": `import { events } from "./dep.js";
console.log(events.join(","));
import.meta.hot?.accept("./dep.js", () => console.log("accepted", events.join(",")));`,
		"dep.js": `export const events = [];
{
	using resource = { [Symbol.dispose]() { events.push("block disposed"); } };
	events.push("block");
}
using resource = { [Symbol.dispose]() { console.log("module resource disposed"); } };
events.push("body");`,
	};
	const { native } = await sameAsNode(t, files);
	if (native.exit?.code === 0) {
		t.deepEqual(native.lines.stdout, [ "module resource disposed", "block,block disposed,body" ]);
		await runBehaviour(t, {
			files,
			steps: [
				{ stdout: [ "module resource disposed", "block,block disposed,body" ] },
				{ edit: { "dep.js": `export const events = ["v2"];\nusing resource = { [Symbol.dispose]() { console.log("resource 2 disposed"); } };` }, stdout: [ "resource 2 disposed", "accepted v2" ], stderr: [ loaded(1, 0) ] },
			],
		});
	} else {
		// This Node has no `using`: plain node rejects the program, and dynohot fails the same way (asserted above).
		t.is(native.exit?.code, 1);
	}
});
