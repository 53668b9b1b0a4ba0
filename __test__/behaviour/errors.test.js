// Failed updates (docs/semantics.md §6, §7.1): link errors before anything is disposed, evaluation errors that
// keep the previous instance, rejected imports, syntax errors; the application keeps running.
import test from "ava";
import { createProject } from "../harness/index.js";
import { loaded, runBehaviour } from "./scenario.js";

test("evaluation errors recover and the accept handler runs once", t => runBehaviour(t, {
	files: {
		"main.js": `import { n } from "./dep.js";
console.log("main", n);
import.meta.hot.accept("./dep.js", () => console.log("main accepted", n));`,
		"dep.js": `export const n = 1;
import.meta.hot.dispose(() => console.log("dep disposed"));`,
	},
	steps: [
		{ stdout: [ "main 1" ] },
		{
			edit: { "dep.js": `export const n = 2;
throw new Error("dep is broken");` },
			stdout: [ "dep disposed" ],
			stderrIncludes: [ "[hot] Error while evaluating dep.js:", "Error: dep is broken" ],
		},
		{
			edit: { "dep.js": "export const n = 3;" },
			stdout: [ "main accepted 3" ],
			stderr: [ loaded(1, 0) ],
		},
	],
}));

test("an evaluation error persists until its file is fixed", t => runBehaviour(t, {
	files: {
		"main.js": `import { n } from "./dep.js";
console.log("main", n);
import.meta.hot.accept();`,
		"dep.js": "export const n = 1;",
	},
	steps: [
		{ stdout: [ "main 1" ] },
		{
			edit: { "dep.js": `export const n = 2;
throw new Error("dep is broken");` },
			stderrIncludes: [ "[hot] Error while evaluating dep.js:", "Error: dep is broken" ],
		},
		{
			touch: [ "main.js" ],
			stderrIncludes: [ "[hot] Error while evaluating dep.js:", "Error: dep is broken" ],
		},
		{
			edit: { "dep.js": "export const n = 3;" },
			stdout: [ "main 3" ],
			stderr: [ loaded(2, 0) ],
		},
	],
}));

test("a module whose re-evaluation failed keeps its instance, bound to what was replaced", t => runBehaviour(t, {
	files: {
		"main.js": `import { get } from "./middle.js";
import "./poke.js";
globalThis.report = () => console.log("main sees", get());
globalThis.report();
import.meta.hot.accept("./middle.js", () => console.log("main accepted", get()));`,
		"middle.js": `import { n } from "./dep.js";
if (n === 2) {
	throw new Error("middle cannot take 2");
}
export const get = () => n;
import.meta.hot.dispose(() => console.log("middle disposed"));`,
		"dep.js": `export const n = 1;
import.meta.hot.dispose(() => console.log("dep disposed"));`,
		"poke.js": `import.meta.hot.accept();
globalThis.report?.();`,
	},
	steps: [
		{ stdout: [ "main sees 1" ] },
		{
			edit: { "dep.js": "export const n = 2;" },
			stdout: [ "dep disposed", "middle disposed" ],
			stderrIncludes: [ "[hot] Error while evaluating middle.js:", "Error: middle cannot take 2" ],
		},
		// The previous middle runs on, reading the running dep (the previous one was disposed).
		{ touch: [ "poke.js" ], stdout: [ "main sees 2" ], stderr: [ loaded(1, 0) ] },
		{
			edit: { "middle.js": `import { n } from "./dep.js";\nexport const get = () => n * 10;` },
			stdout: [ "main accepted 20" ],
			stderr: [ loaded(1, 0) ],
		},
	],
}));

test("a link error fixed from the parent", t => runBehaviour(t, {
	files: {
		"main.js": `import { text } from "./middle.js";
console.log("main", text);
import.meta.hot.accept("./middle.js", () => console.log("main accepted", text));`,
		"middle.js": `import { x } from "./dep.js";
export const text = "middle " + x;`,
		"dep.js": `export const x = "x";
import.meta.hot.dispose(() => console.log("dep disposed"));`,
	},
	steps: [
		{ stdout: [ "main middle x" ] },
		{
			edit: { "dep.js": `export const y = "y";` },
			stderrIncludes: [
				"[hot] Error while linking middle.js:",
				"SyntaxError: The requested module './dep.js' does not provide an export named 'x'",
			],
		},
		{
			edit: { "middle.js": `import { y } from "./dep.js";
export const text = "middle " + y;` },
			stdout: [ "dep disposed", "main accepted middle y" ],
			stderr: [ loaded(2, 0) ],
		},
	],
}));

test("a rejected dynamic import is recoverable once fixed", t => runBehaviour(t, {
	files: {
		"main.js": `const load = () => import("./plugin.js").then(
	plugin => console.log("loaded", plugin.name),
	error => console.log("rejected:", error.message));
await load();
import.meta.hot.accept("./plugin.js", load);`,
		"plugin.js": `throw new Error("plugin is broken");`,
	},
	steps: [
		{ stdout: [ "rejected: plugin is broken" ] },
		{ edit: { "plugin.js": `export const name = "plugin";` }, stdout: [ "loaded plugin" ], stderr: [ loaded(1, 0) ] },
	],
}));

test("a syntax error prints file:line:column and a code frame; the last good version keeps running", t => runBehaviour(t, {
	files: {
		"main.js": `import { n } from "./dep.js";
console.log("main", n);
setInterval(() => {}, 1000);
import.meta.hot.accept("./dep.js", () => console.log("main accepted", n));`,
		"dep.js": "export const n = 1;",
	},
	steps: [
		{ stdout: [ "main 1" ] },
		{
			edit: { "dep.js": `export const n = 1;
const broken = (;
` },
			stderrIncludes: [
				"[hot] Error while loading the changed file dep.js:",
				"SyntaxError: {{*}}({{url}}/dep.js:2:17)",
				"{{*}}const broken = (;",
				"{{*}}^{{*}}",
			],
		},
		{ edit: { "dep.js": "export const n = 2;" }, stdout: [ "main accepted 2" ], stderr: [ loaded(1, 0) ] },
	],
}));

test("a syntax error only V8 finds (an invalid regular expression) is placed in the source, on a line the transform edited too", t => runBehaviour(t, {
	files: {
		"main.js": `import { n } from "./dep.js";
console.log("main", n);
setInterval(() => {}, 1000);
import.meta.hot.accept("./dep.js", () => console.log("main accepted", n));`,
		"dep.js": "export const n = 1;",
		"base.js": "export const base = 10;",
	},
	steps: [
		{ stdout: [ "main 1" ] },
		{
			edit: { "dep.js": `import { base } from "./base.js";
export const n = base; const pattern = /?x/;
` },
			stderrIncludes: [
				"[hot] Error while loading the changed file dep.js:",
				"SyntaxError: Invalid regular expression: /?x/{{*}}({{url}}/dep.js:2:40)",
				"> 2 | export const n = base; const pattern = /?x/;",
				"    |                                        ^",
			],
		},
		{ edit: { "dep.js": "export const n = 2;" }, stdout: [ "main accepted 2" ], stderr: [ loaded(1, 0) ] },
	],
}));

test("a duplicate export in an edit is rejected and the app keeps running", t => runBehaviour(t, {
	files: {
		"main.js": `import { n } from "./dep.js";
console.log("main", n);
import.meta.hot.accept("./dep.js", () => console.log("main accepted", n));`,
		"dep.js": "export const n = 1;",
	},
	steps: [
		{ stdout: [ "main 1" ] },
		{
			edit: { "dep.js": `export const n = 1;
export { n };` },
			stderrIncludes: [ "[hot] Error while loading the changed file dep.js:", "SyntaxError: {{*}}" ],
		},
		{ edit: { "dep.js": "export const n = 2;" }, stdout: [ "main accepted 2" ], stderr: [ loaded(1, 0) ] },
	],
}));

test("a sync throw beside an async rejection is reported once with no unhandled rejection", async t => {
	const project = await createProject(t, {
		"main.js": `import { text } from "./group.js";
console.log("main", text);
import.meta.hot.accept("./group.js", () => console.log("main accepted", text));
process.on("unhandledRejection", reason => console.log("unhandled rejection:", reason));`,
		"group.js": `export const text = "group";`,
	});
	const app = project.start("main.js");
	await app.waitFor("main group");
	await project.write("slow.js", `await new Promise(resolve => setTimeout(resolve, 50));
throw new Error("async failure");`);
	await project.write("fast.js", `throw new Error("sync failure");`);
	await project.edit("group.js", `import "./slow.js";
import "./fast.js";
export const text = "group 2";`);
	await app.waitFor(/^\[hot\] Error while evaluating/, { stream: "stderr" });
	// Whatever the slow module does later must not be reported or end up unhandled.
	await project.edit("group.js", `export const text = "group 3";`);
	await app.waitFor(/^\[hot\] Loaded 1 new module/, { stream: "stderr" });
	await app.waitFor("main accepted group 3");
	await app.stop();
	const stderr = app.lines.stderr.join("\n");
	// One failure is reported (the update stops at it), never both.
	t.is(stderr.match(/\[hot\] Error/g)?.length, 1, app.output());
	t.is(stderr.match(/\b(?:a?sync) failure/g)?.length, 1, app.output());
	t.deepEqual(app.lines.stdout.filter(line => line.startsWith("unhandled")), [], app.output());
});

test("errors at startup end the process as in plain node: a sync throw beside an async rejection", async t => {
	const project = await createProject(t, {
		"main.js": `import "./slow.js";
import "./fast.js";
console.log("main evaluated");`,
		"slow.js": `await new Promise(resolve => setTimeout(resolve, 50));
throw new Error("async failure");`,
		"fast.js": `throw new Error("sync failure");`,
	});
	const app = project.start("main.js", { keepAlive: false });
	const exit = await app.waitForExit();
	t.is(exit.code, 1, app.output());
	t.deepEqual(app.lines.stdout, [], app.output());
	t.is(app.lines.stderr.filter(line => line === "Error: sync failure").length, 1, app.output());
	t.false(app.lines.stderr.join("\n").includes("async failure"), app.output());
});
