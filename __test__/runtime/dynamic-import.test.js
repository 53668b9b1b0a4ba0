import test from "ava";
import { register } from "node:module";
import { createGraph } from "./graph.js";
import { update, valueSource } from "./update-helpers.js";

// The request hooks answer a specifier from this one map, shared by the tests of the file: they
// run serially (each graph has its own runtime object, but not its own specifiers).
register("./fixtures/request-hooks.js", import.meta.url);
globalThis.requestTargets = new Map();

test.serial("import() links and evaluates the target once and answers its namespace", async t => {
	const g = createGraph();
	const log = g.values.log = [];
	g.module("target.js", valueSource(g, "target", 1));
	globalThis.requestTargets.set("./target.js", g.moduleFunction("target.js"));
	const namespaces = g.values.namespaces = [];
	g.module("main.js", `
		${g.test}.namespaces.push(await import("./target.js"));
		${g.test}.namespaces.push(await import({ toString: () => "./target.js" }));
	`);
	await g.main("main.js");
	t.deepEqual(log, [ "target 1" ]);
	t.is(namespaces[0], namespaces[1]);
	t.is(namespaces[0].value, 1);
	t.is(namespaces[0][Symbol.toStringTag], "Module");
});

test.serial("import() validates its arguments as the engine does, rejecting instead of throwing", async t => {
	const g = createGraph();
	g.values.calls = [ [ Symbol("s") ], [ "./x.js", 1 ], [ "./x.js", { with: 1 } ], [ "./x.js", { with: { type: 1 } } ] ];
	const promises = g.values.promises = [];
	const errors = g.values.errors = [];
	g.module("main.js", `
		for (const [ specifier, options ] of ${g.test}.calls) {
			const promise = import(specifier, options);
			${g.test}.promises.push(promise);
			${g.test}.errors.push(await promise.catch(error => error));
		}
	`);
	await g.main("main.js");
	for (const promise of promises) {
		t.true(promise instanceof Promise);
	}
	const native = [];
	for (const options of [ 1, { with: 1 }, { with: { type: 1 } } ]) {
		native.push(await import("./x.js", options).catch(error => error.message));
	}
	t.true(errors.every(error => error instanceof TypeError));
	t.deepEqual(errors.slice(1).map(error => error.message), native);
});

test.serial("import attributes travel to the hooks, and the import is a graph edge that updates reach", async t => {
	const g = createGraph();
	const log = g.values.log = [];
	g.module("data.js", valueSource(g, "data", 1));
	globalThis.requestTargets.set("./data.js type=json", g.moduleFunction("data.js"));
	g.module("main.js", `
		const namespace = await import("./data.js", { with: { type: "json" } });
		${g.test}.log.push("main sees " + namespace.value);
		import.meta.hot.accept("./data.js", async () => {
			const again = await import("./data.js", { with: { type: "json" } });
			${g.test}.log.push("re-imported " + again.value);
		});
	`);
	await g.main("main.js");
	const messages = await update(g.version("data.js", 1, valueSource(g, "data", 2)));
	t.is(messages.length, 1);
	t.regex(messages[0], /^Loaded 1 new module, reevaluated 0 existing modules/);
	t.deepEqual(log, [ "data 1", "main sees 1", "data 2", "re-imported 2" ]);
});

test.serial("import.meta.resolve asks the resolve hook from the module's URL", async t => {
	const g = createGraph();
	g.module("main.js", `${g.test}.resolved = import.meta.resolve("./sibling.js");`);
	await g.main("main.js");
	t.is(g.values.resolved, new URL("./sibling.js", g.url("main.js")).href);
});

test.serial("a link error of import() rejects with the SyntaxError; the importer keeps running", async t => {
	const g = createGraph();
	g.module("empty.js", "");
	g.module("needs.js", "import { missing } from \"./empty.js\";");
	globalThis.requestTargets.set("./needs.js", g.moduleFunction("needs.js"));
	g.module("main.js", `${g.test}.error = await import("./needs.js").catch(caught => caught);`);
	await g.main("main.js");
	t.true(g.values.error instanceof SyntaxError);
	t.is(g.values.error.message, "The requested module './empty.js' does not provide an export named 'missing'");
});
