// How a change travels through the graph (docs/semantics.md §5): unaccepted paths, dynamic imports as edges,
// shared modules, files that join the graph, and the order of re-evaluation.
import test from "ava";
import { sameAsNode } from "../harness/index.js";
import { loaded, runBehaviour } from "./scenario.js";

test("an unaccepted change reports the tree and runs nothing", t => runBehaviour(t, {
	files: {
		"main.js": `import { text } from "./middle.js";
console.log("main", text);
import.meta.hot.dispose(() => console.log("main disposed"));`,
		"middle.js": `import { n } from "./dep.js";
export const text = "middle " + n;
import.meta.hot.dispose(() => console.log("middle disposed"));`,
		"dep.js": `export const n = 1;
console.log("dep", n);
import.meta.hot.dispose(() => console.log("dep disposed"));`,
	},
	steps: [
		{ stdout: [ "dep 1", "main middle 1" ] },
		{
			edit: { "dep.js": `export const n = 2;\nconsole.log("dep", n);` },
			stderr: [
				"[hot] The update was not accepted: it reached the root module without an accepting boundary.",
				"  dep.js (changed)",
				"  └─ middle.js",
				"     └─ main.js",
			],
		},
	],
}));

test("an unaccepted dynamic import", t => runBehaviour(t, {
	files: {
		"main.js": `const { n } = await import("./dep.js");
console.log("main", n);`,
		"dep.js": `export const n = 1;
import.meta.hot.dispose(() => console.log("dep disposed"));`,
	},
	steps: [
		{ stdout: [ "main 1" ] },
		{
			edit: { "dep.js": "export const n = 2;" },
			stderr: [
				"[hot] The update was not accepted: it reached the root module without an accepting boundary.",
				"  dep.js (changed)",
				"  └─ main.js",
			],
		},
	],
}));

test("an accepted dynamic import whose callback imports it again", t => runBehaviour(t, {
	files: {
		"main.js": `const load = async () => {
	const { n } = await import("./dep.js");
	console.log("main sees", n);
};
await load();
import.meta.hot.accept("./dep.js", load);`,
		"dep.js": `export const n = 1;
console.log("dep evaluated", n);`,
	},
	steps: [
		{ stdout: [ "dep evaluated 1", "main sees 1" ] },
		{ edit: { "dep.js": `export const n = 2;\nconsole.log("dep evaluated", n);` }, stdout: [ "dep evaluated 2", "main sees 2" ], stderr: [ loaded(1, 0) ] },
		{ edit: { "dep.js": `export const n = 3;\nconsole.log("dep evaluated", n);` }, stdout: [ "dep evaluated 3", "main sees 3" ], stderr: [ loaded(1, 0) ] },
	],
}));

test("a shared child under an accepted and an unaccepted branch is unaccepted", t => runBehaviour(t, {
	files: {
		"main.js": `import "./accepting.js";
import "./plain.js";
console.log("main evaluated");`,
		"accepting.js": `import { n } from "./shared.js";
import.meta.hot.accept("./shared.js", () => console.log("accepting accepted", n));`,
		"plain.js": `import { n } from "./shared.js";
console.log("plain", n);`,
		"shared.js": `export const n = 1;
import.meta.hot.dispose(() => console.log("shared disposed"));`,
	},
	steps: [
		{ stdout: [ "plain 1", "main evaluated" ] },
		{
			edit: { "shared.js": "export const n = 2;" },
			stderr: [
				"[hot] The update was not accepted: it reached the root module without an accepting boundary.",
				"  shared.js (changed)",
				"  └─ plain.js",
				"     └─ main.js",
			],
		},
	],
}));

test("a new file added by an edit loads", t => runBehaviour(t, {
	files: {
		"main.js": `import { text } from "./middle.js";
console.log("main", text);
import.meta.hot.accept("./middle.js", () => console.log("main accepted", text));`,
		"middle.js": `export const text = "alone";`,
	},
	steps: [
		{ stdout: [ "main alone" ] },
		{
			edit: {
				"helper.js": `export const help = "helper 1";\nconsole.log("helper evaluated");`,
				"middle.js": `import { help } from "./helper.js";\nexport const text = "with " + help;`,
			},
			stdout: [ "helper evaluated", "main accepted with helper 1" ],
			stderr: [ loaded(2, 0) ],
		},
		// The new file is watched.
		{
			edit: { "helper.js": `export const help = "helper 2";\nconsole.log("helper evaluated again");` },
			stdout: [ "helper evaluated again", "main accepted with helper 2" ],
			stderr: [ loaded(1, 1) ],
		},
	],
}));

test("dependencies are re-evaluated before importers, siblings in import order", t => runBehaviour(t, {
	files: {
		"main.js": `import { text } from "./top.js";
console.log("main", text);
import.meta.hot.accept("./top.js", () => console.log("main accepted", text));`,
		"top.js": `import { first } from "./first.js";
import { second } from "./second.js";
export const text = first + second;
console.log("top", text);`,
		"first.js": `import { leaf } from "./leaf.js";
export const first = "first(" + leaf + ")";
console.log("first");`,
		"second.js": `import { leaf } from "./leaf.js";
export const second = "second(" + leaf + ")";
console.log("second");`,
		"leaf.js": `export const leaf = 1;
console.log("leaf", leaf);`,
	},
	steps: [
		{ stdout: [ "leaf 1", "first", "second", "top first(1)second(1)", "main first(1)second(1)" ] },
		{
			edit: { "leaf.js": `export const leaf = 2;\nconsole.log("leaf", leaf);` },
			stdout: [ "leaf 2", "first", "second", "top first(2)second(2)", "main accepted first(2)second(2)" ],
			stderr: [ loaded(1, 3) ],
		},
	],
}));

test("a module that stays sees bindings re-exported by another module that stays", t => runBehaviour(t, {
	files: {
		"main.js": `import { value } from "./outer.js";
import * as outer from "./outer.js";
globalThis.show = () => console.log("main sees", value, outer.value);
globalThis.show();`,
		"outer.js": `export * from "./inner.js";`,
		"inner.js": `export { value } from "./dep.js";
import.meta.hot.accept("./dep.js", () => globalThis.show());`,
		"dep.js": `export const value = 1;`,
	},
	steps: [
		{ stdout: [ "main sees 1 1" ] },
		{ edit: { "dep.js": "export const value = 2;" }, stdout: [ "main sees 2 2" ], stderr: [ loaded(1, 0) ] },
		{ edit: { "dep.js": "export const value = 3;" }, stdout: [ "main sees 3 3" ], stderr: [ loaded(1, 0) ] },
	],
}));

test("a very deep chain of imports links and evaluates where node does", async t => {
	// With a small stack, plain node links this chain (its linking is native code); the runtime's
	// linking and evaluation must not be what overflows.
	const depth = 1500;
	/** @type {Record<string, string>} */
	const files = {
		"main.js": `import { depth } from "./chain/0.js";\nconsole.log("depth", depth);`,
	};
	for (let index = 0; index < depth; ++index) {
		files[`chain/${index}.js`] = index === depth - 1
			? "export const depth = 1;"
			: `import { depth as below } from "./${index + 1}.js";\nexport const depth = below + 1;`;
	}
	await sameAsNode(t, files, { nodeOptions: [ "--stack-size=450" ] });
});
