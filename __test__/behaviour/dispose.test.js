// Dispose and prune handlers, invalidate() and the fatal state after a failing handler (docs/semantics.md §4, §6.4).
import test from "ava";
import { loaded, runBehaviour } from "./scenario.js";

test("dispose handlers run in reverse registration order", t => runBehaviour(t, {
	files: {
		"main.js": `import.meta.hot.accept();
console.log("main", import.meta.hot.data?.order ?? "first");
import.meta.hot.dispose(data => { data.order = (data.order ?? "") + "1"; console.log("dispose 1"); });
import.meta.hot.dispose(data => { data.order = (data.order ?? "") + "2"; console.log("dispose 2"); });
import.meta.hot.dispose(data => { data.order = (data.order ?? "") + "3"; console.log("dispose 3"); });`,
	},
	steps: [
		{ stdout: [ "main first" ] },
		{ touch: [ "main.js" ], stdout: [ "dispose 3", "dispose 2", "dispose 1", "main 321" ], stderr: [ loaded(1, 0) ] },
	],
}));

test("dispose handlers run in reverse order when the module invalidated itself", t => runBehaviour(t, {
	files: {
		"main.js": `import { n } from "./dep.js";
console.log("main", n);
import.meta.hot.accept("./dep.js", () => console.log("main accepted", n));`,
		"dep.js": `export const n = 1;
console.log("dep", n);
import.meta.hot.accept(() => { console.log("dep gives up"); import.meta.hot.invalidate(); });
import.meta.hot.dispose(() => console.log("dep dispose 1"));
import.meta.hot.dispose(() => console.log("dep dispose 2"));`,
	},
	steps: [
		{ stdout: [ "dep 1", "main 1" ] },
		{
			edit: { "dep.js": `export const n = 2;
console.log("dep", n);` },
			stdout: [ "dep dispose 2", "dep dispose 1", "dep 2", "dep gives up", "main accepted 2" ],
			stderr: [ loaded(1, 0) ],
		},
	],
}));

/**
 * The report of an update that a module gave up, in an accept handler, after it was applied to it.
 * @param {number} loads
 * @param {number} reevaluations
 * @param {string} module
 */
function appliedInPart(loads, reevaluations, module) {
	const modules = (/** @type {number} */ count) => count === 1 ? "module" : "modules";
	return `[hot] The update was applied in part: loaded ${loads} new ${modules(loads)}, reevaluated ${reevaluations} existing ${modules(reevaluations)} in {{n}}ms; ` +
		`then ${module} called invalidate() in an accept handler, and the change sent on from there was not accepted: it reached the root module without an accepting boundary.`;
}

test("invalidate() in the accept handler of a re-evaluated root: the report says what was applied and that the change went no further", t => runBehaviour(t, {
	files: {
		"main.js": `import { n } from "./dep.js";
console.log("main", n);
import.meta.hot.accept(() => { console.log("main gives up"); import.meta.hot.invalidate(); });
import.meta.hot.dispose(() => console.log("main dispose"));`,
		"dep.js": "export const n = 1;",
	},
	steps: [
		{ stdout: [ "main 1" ] },
		{ edit: { "dep.js": "export const n = 2;" }, stdout: [ "main dispose", "main 2", "main gives up" ], stderr: [ appliedInPart(1, 1, "main.js"), "  main.js" ] },
	],
}));

test("invalidate() in the accept handler of a re-evaluated module whose importer does not accept: the report names it and the path", t => {
	const dep = (/** @type {number} */ n) => `export const n = ${n};
console.log("dep", n);
import.meta.hot.accept(() => { console.log("dep gives up"); import.meta.hot.invalidate(); });`;
	return runBehaviour(t, {
		files: { "main.js": `import { n } from "./dep.js";\nconsole.log("main", n);`, "dep.js": dep(1) },
		steps: [
			{ stdout: [ "dep 1", "main 1" ] },
			{ edit: { "dep.js": dep(2) }, stdout: [ "dep 2", "dep gives up" ], stderr: [ appliedInPart(1, 0, "dep.js"), "  dep.js (changed)", "  └─ main.js" ] },
		],
	});
});

test("invalidate() outside an update re-evaluates the module", t => runBehaviour(t, {
	files: {
		"main.js": `import { n } from "./dep.js";
console.log("main", n);
import.meta.hot.accept("./dep.js", () => console.log("main accepted", n));`,
		"dep.js": `const previous = import.meta.hot.data?.n;
export const n = (previous ?? 0) + 1;
console.log("dep", n);
import.meta.hot.dispose(data => { console.log("dep dispose"); data.n = n; });
if (previous === undefined) {
	setTimeout(() => import.meta.hot.invalidate(), 10);
}`,
	},
	steps: [
		{ stdout: [ "dep 1", "main 1", "dep dispose", "dep 2", "main accepted 2" ], stderr: [ loaded(0, 1) ] },
	],
}));

test("a throwing dispose handler is a fatal state reported on later updates", t => runBehaviour(t, {
	files: {
		"main.js": `import.meta.hot.accept();
console.log("main evaluated");
import.meta.hot.dispose(() => { throw new Error("dispose failed"); });`,
	},
	steps: [
		{ stdout: [ "main evaluated" ] },
		{
			touch: [ "main.js" ],
			stderrIncludes: [
				"[hot] Error in a dispose handler of main.js:",
				"Error: dispose failed",
				"[hot] A dispose or prune handler failed: the application is in an unknown state and must be restarted (updates are no longer applied).",
			],
		},
		{
			touch: [ "main.js" ],
			stderr: [ "[hot] A dispose or prune handler failed: the application is in an unknown state and must be restarted (updates are no longer applied)." ],
		},
	],
}));

test("a removed import is pruned: dispose and prune handlers run together", t => runBehaviour(t, {
	files: {
		"main.js": `import { text } from "./middle.js";
console.log("main", text);
import.meta.hot.accept("./middle.js", () => console.log("main accepted", text));`,
		"middle.js": `import { leaf } from "./leaf.js";
export const text = "middle with " + leaf;`,
		"leaf.js": `export const leaf = "leaf";
console.log("leaf evaluated");
import.meta.hot.dispose(() => console.log("leaf dispose 1"));
import.meta.hot.prune(() => console.log("leaf prune 1"));
import.meta.hot.dispose(() => console.log("leaf dispose 2"));
import.meta.hot.prune(() => console.log("leaf prune 2"));`,
	},
	steps: [
		{ stdout: [ "leaf evaluated", "main middle with leaf" ] },
		{
			edit: { "middle.js": `export const text = "middle alone";` },
			stdout: [ "main accepted middle alone", "leaf prune 2", "leaf dispose 2", "leaf prune 1", "leaf dispose 1" ],
			stderr: [ loaded(1, 0) ],
		},
		// The pruned file is no longer watched: editing it changes nothing.
		{ edit: { "leaf.js": `export const leaf = "leaf 2"; console.log("leaf evaluated again");` } },
		// Imported again, it comes back with its current code.
		{
			edit: { "middle.js": `import { leaf } from "./leaf.js";
export const text = "middle with " + leaf;` },
			stdout: [ "leaf evaluated again", "main accepted middle with leaf 2" ],
			stderr: [ loaded(2, 0) ],
		},
	],
}));

test("a pruned module imported again through import() runs its current code", t => runBehaviour(t, {
	files: {
		"main.js": `import { load } from "./loader.js";
await load();
import.meta.hot.accept("./loader.js", () => load());`,
		"loader.js": `export async function load() { const { text } = await import("./plugin.js"); console.log("loaded", text); }`,
		"plugin.js": `export const text = "plugin 1";
import.meta.hot.prune(() => console.log("plugin pruned"));`,
	},
	steps: [
		{ stdout: [ "loaded plugin 1" ] },
		{
			edit: { "loader.js": `export async function load() { console.log("no plugin"); }` },
			stdout: [ "no plugin", "plugin pruned" ],
			stderr: [ loaded(1, 0) ],
		},
		{ edit: { "plugin.js": `export const text = "plugin 2";` } },
		{
			edit: { "loader.js": `export async function load() { const { text } = await import("./plugin.js"); console.log("loaded again", text); }` },
			stdout: [ "loaded again plugin 2" ],
			stderr: [ loaded(2, 0) ],
		},
	],
}));
