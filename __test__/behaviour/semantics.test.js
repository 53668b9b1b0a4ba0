// Module semantics equal plain node (docs/semantics.md §3): each case runs under plain node and under dynohot
// and prints the same; cases that matter for updates also take an edit.
import test from "ava";
import { sameAsNode } from "../harness/index.js";
import { loaded, runBehaviour } from "./scenario.js";

test("export { name as default }", async t => {
	const files = {
		"main.js": `import value, * as ns from "./dep.js";
console.log(value, Object.keys(ns).join(","));
import.meta.hot?.accept("./dep.js", () => console.log("accepted", value, ns.default));`,
		"dep.js": `const name = "one";
export { name as default, name };`,
	};
	await sameAsNode(t, files, { expectedStdout: [ "one default,name" ] });
	await runBehaviour(t, {
		files,
		steps: [
			{ stdout: [ "one default,name" ] },
			{ edit: { "dep.js": `let name = "two";\nexport { name as default, name };` }, stdout: [ "accepted two two" ], stderr: [ loaded(1, 0) ] },
		],
	});
});

test("cycle evaluation order", async t => {
	const files = {
		"main.js": `import "./a.js";
import "./c.js";
console.log("main");
import.meta.hot?.accept("./a.js", () => console.log("main accepted a"));`,
		"a.js": `import "./b.js";
console.log("a");`,
		"b.js": `import "./c.js";
import "./a.js";
import "./d.js";
console.log("b");`,
		"c.js": `console.log("c");`,
		"d.js": `import "./a.js";
console.log("d");`,
	};
	await sameAsNode(t, files, { expectedStdout: [ "c", "d", "b", "a", "main" ] });
	await runBehaviour(t, {
		files,
		steps: [
			{ stdout: [ "c", "d", "b", "a", "main" ] },
			// d changed: the whole cycle {a, b, d} is one unit, entered through a as from main.
			{ edit: { "d.js": `import "./a.js";\nconsole.log("d2");` }, stdout: [ "d2", "b", "a", "main accepted a" ], stderr: [ loaded(1, 2) ] },
		],
	});
});

test("an infinite export * self-reference is a SyntaxError", t => sameAsNode(t, {
	"main.js": `import { missing } from "./loop.js";
console.log(missing);`,
	"loop.js": `export * from "./loop.js";
export * from "./other.js";`,
	"other.js": `export * from "./loop.js";
export const present = 1;`,
}));

test("an infinite export * self-reference still provides the names that exist", t => sameAsNode(t, {
	"main.js": `import * as ns from "./loop.js";
import { present } from "./loop.js";
console.log(present, Object.keys(ns).join(","));`,
	"loop.js": `export * from "./loop.js";
export * from "./other.js";`,
	"other.js": `export * from "./loop.js";
export const present = 1;`,
}, { expectedStdout: [ "1 present" ] }));

test("a circular indirect export is a SyntaxError", t => sameAsNode(t, {
	"main.js": `import { x } from "./a.js";
console.log(x);`,
	"a.js": `export { x } from "./b.js";`,
	"b.js": `export { x } from "./a.js";`,
}));

test("duplicate exports are rejected", t => sameAsNode(t, {
	"main.js": `import { a } from "./dep.js";
console.log(a);`,
	"dep.js": `export const a = 1;
const b = 2;
export { b as a };`,
}));

test("hoisted functions across a cycle", async t => {
	const files = {
		"main.js": `import { fromA } from "./a.js";
console.log("main", fromA);
import.meta.hot?.accept("./a.js", () => console.log("main accepted", fromA));`,
		"a.js": `import { fromB } from "./b.js";
export function hello() { return "hello from a"; }
export const fromA = "a sees " + fromB;
console.log(fromA);`,
		"b.js": `import { hello } from "./a.js";
export const fromB = "b calls " + hello();
console.log(fromB);`,
	};
	const expected = [ "b calls hello from a", "a sees b calls hello from a", "main a sees b calls hello from a" ];
	await sameAsNode(t, files, { expectedStdout: expected });
	await runBehaviour(t, {
		files,
		steps: [
			{ stdout: expected },
			{
				edit: { "a.js": `import { fromB } from "./b.js";\nexport function hello() { return "hi from a"; }\nexport const fromA = "a sees " + fromB;\nconsole.log(fromA);` },
				stdout: [ "b calls hi from a", "a sees b calls hi from a", "main accepted a sees b calls hi from a" ],
				stderr: [ loaded(1, 1) ],
			},
		],
	});
});

test("cyclic top-level await does not deadlock", async t => {
	const files = {
		"main.js": `import "./a.js";
console.log("main");
import.meta.hot?.accept("./a.js", () => console.log("main accepted"));`,
		"a.js": `import "./b.js";
console.log("a before");
await new Promise(resolve => setTimeout(resolve, 10));
console.log("a after");`,
		"b.js": `import "./a.js";
console.log("b before");
await new Promise(resolve => setTimeout(resolve, 10));
console.log("b after");`,
	};
	const expected = [ "b before", "b after", "a before", "a after", "main" ];
	await sameAsNode(t, files, { expectedStdout: expected });
	await runBehaviour(t, {
		files,
		steps: [
			{ stdout: expected },
			{
				edit: { "b.js": `import "./a.js";\nconsole.log("b2 before");\nawait 0;\nconsole.log("b2 after");` },
				stdout: [ "b2 before", "b2 after", "a before", "a after", "main accepted" ],
				stderr: [ loaded(1, 1) ],
			},
		],
	});
});

test("export * as ns of a re-exporting module", async t => {
	const files = {
		"main.js": `import { ns } from "./dep.js";
const show = () => console.log(Object.keys(ns).join(","), ns.x, ns.y, ns.z);
show();
import.meta.hot?.accept("./dep.js", show);`,
		"dep.js": `export * as ns from "./re.js";`,
		"re.js": `export { x } from "./leaf.js";
export * from "./star.js";
export { default as z } from "./star.js";`,
		"leaf.js": `export const x = "x1";`,
		"star.js": `export const y = "y1";
export default "z1";`,
	};
	await sameAsNode(t, files, { expectedStdout: [ "x,y,z x1 y1 z1" ] });
	await runBehaviour(t, {
		files,
		steps: [
			{ stdout: [ "x,y,z x1 y1 z1" ] },
			{ edit: { "leaf.js": `export const x = "x2";` }, stdout: [ "x,y,z x2 y1 z1" ], stderr: [ loaded(1, 2) ] },
		],
	});
});

/**
 * Two entries reach `createThing` through the `export *` of `shared.js`, which imports entry-a.js:
 * entering the cycle {shared.js, entry-a.js} at shared.js (entry-b.js first) links entry-a.js
 * before linking has reached core.js.
 * @param {string[]} entries the order `main.js` imports the entries in
 * @param {string} core `core.js`
 */
function starCycle(entries, core) {
	const entry = (/** @type {string} */ name) => `import { createThing } from "./shared.js";
export const result = createThing("${name}");
console.log("entry-${name} result=" + result);`;
	return {
		"main.js": `${entries.map(name => `import "./entry-${name}.js";`).join("\n")}
console.log("main ready");
import.meta.hot?.accept([ "./entry-a.js", "./entry-b.js" ], () => console.log("main accepted"));`,
		"shared.js": `import "./entry-a.js";
export * from "./core.js";`,
		"core.js": core,
		"entry-a.js": entry("a"),
		"entry-b.js": entry("b"),
	};
}

for (const entries of [ [ "b", "a" ], [ "a", "b" ] ]) {
	test(`export * through a cycle entered in the order ${entries.join(", ")} links, at startup and after an edit of what it re-exports`, async t => {
		const files = starCycle(entries, "export function createThing(value) { return value; }");
		const started = [ "entry-a result=a", "entry-b result=b", "main ready" ];
		await sameAsNode(t, files, { expectedStdout: started });
		await runBehaviour(t, {
			files,
			steps: [
				{ stdout: started },
				{
					edit: { "core.js": `export function createThing(value) { return value + "2"; }` },
					stdout: [ "entry-a result=a2", "entry-b result=b2", "main accepted" ],
					stderr: [ loaded(1, 3) ],
				},
			],
		});
	});
}

test("an invalid cycle through export * fails at evaluation with node's ReferenceError", t => sameAsNode(t,
	starCycle([ "b", "a" ], "export const createThing = value => value;")));

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

test("a local export shadows a star export", async t => {
	const files = {
		"main.js": `import { x, y } from "./dep.js";
console.log(x, y);
import.meta.hot?.accept("./dep.js", () => console.log("accepted", x, y));`,
		"dep.js": `export * from "./star.js";
export const x = "local x";`,
		"star.js": `export const x = "star x";
export const y = "star y";`,
	};
	await sameAsNode(t, files, { expectedStdout: [ "local x star y" ] });
	await runBehaviour(t, {
		files,
		steps: [
			{ stdout: [ "local x star y" ] },
			{ edit: { "star.js": `export const x = "star x2";\nexport const y = "star y2";` }, stdout: [ "accepted local x star y2" ], stderr: [ loaded(1, 1) ] },
		],
	});
});

test("import * as ns; export { ns }", async t => {
	const files = {
		"main.js": `import { ns } from "./dep.js";
console.log(ns.value, Object.keys(ns).join(","));
import.meta.hot?.accept("./dep.js", () => console.log("accepted", ns.value));`,
		"dep.js": `import * as ns from "./leaf.js";
export { ns };`,
		"leaf.js": `export let value = 1;
export function bump() { ++value; }`,
	};
	await sameAsNode(t, files, { expectedStdout: [ "1 bump,value" ] });
	await runBehaviour(t, {
		files,
		steps: [
			{ stdout: [ "1 bump,value" ] },
			{ edit: { "leaf.js": `export let value = 2;\nexport function bump() { ++value; }` }, stdout: [ "accepted 2" ], stderr: [ loaded(1, 1) ] },
		],
	});
});

test("string-literal export names", async t => {
	const files = {
		"main.js": `import { "a b" as ab, "c-d" as cd } from "./dep.js";
import * as ns from "./re.js";
console.log(ab, cd, ns["e f"]);
import.meta.hot?.accept([ "./dep.js", "./re.js" ], () => console.log("accepted", ab, cd, ns["e f"]));`,
		"dep.js": `const value = "v1";
export { value as "a b", value as "c-d" };`,
		"re.js": `export { "a b" as "e f" } from "./dep.js";`,
	};
	await sameAsNode(t, files, { expectedStdout: [ "v1 v1 v1" ] });
	await runBehaviour(t, {
		files,
		steps: [
			{ stdout: [ "v1 v1 v1" ] },
			{ edit: { "dep.js": `const value = "v2";\nexport { value as "a b", value as "c-d" };` }, stdout: [ "accepted v2 v2 v2" ], stderr: [ loaded(1, 1) ] },
		],
	});
});

test("a?.importedName reads the live binding", async t => {
	const files = {
		"main.js": `import { a, name } from "./dep.js";
const holder = { name: "own" };
console.log(a?.name, a?.[name], holder?.name, a?.missing?.name);
import.meta.hot?.accept("./dep.js", () => console.log("accepted", a?.name, a?.[name]));`,
		"dep.js": `export const a = { name: "first", key: "by key" };
export const name = "key";`,
	};
	await sameAsNode(t, files, { expectedStdout: [ "first by key own undefined" ] });
	await runBehaviour(t, {
		files,
		steps: [
			{ stdout: [ "first by key own undefined" ] },
			{ edit: { "dep.js": `export const a = { name: "second", other: "other key" };\nexport const name = "other";` }, stdout: [ "accepted second other key" ], stderr: [ loaded(1, 0) ] },
		],
	});
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

test("import.meta.main is true in the entry module and a worker's entry only, where Node has it", t => sameAsNode(t, {
	"main.js": `import { once } from "node:events";
import { Worker } from "node:worker_threads";
import "./dep.js";
console.log("main", "main" in import.meta, import.meta.main);
const worker = new Worker(new URL("./worker.js", import.meta.url));
const [ message ] = await once(worker, "message");
console.log(message);`,
	"dep.js": `console.log("dep", "main" in import.meta, import.meta.main);`,
	"worker.js": `import { parentPort } from "node:worker_threads";
import "./dep.js";
parentPort.postMessage(\`worker \${"main" in import.meta} \${import.meta.main}\`);`,
}));
