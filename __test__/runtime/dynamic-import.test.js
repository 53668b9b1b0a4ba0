import test from "ava";
import { register } from "node:module";
import { createGraph, imp } from "./graph.js";
import { update, valueModule } from "./update-helpers.js";

// The request hooks answer a specifier from this one map, shared by the tests of the file: they
// run serially (each graph has its own runtime object, but not its own specifiers).
register("./fixtures/request-hooks.js", import.meta.url);
globalThis.requestTargets = new Map();

/** A module whose body awaits `run(dynamicImport, meta)`. */
function dynamicModule(run) {
	return async function* (meta, dynamicImport, link) {
		link(() => {}, {});
		yield;
		await run(dynamicImport, meta);
	};
}

test.serial("import() links and evaluates the target once and answers its namespace", async t => {
	const g = createGraph();
	const log = [];
	g.define("target.js", { exports: [ "value" ] }, valueModule(log, "target", 1));
	globalThis.requestTargets.set("./target.js", g.moduleFunction("target.js"));
	const namespaces = [];
	g.define("main.js", { async: true, dynamic: true }, dynamicModule(async dynamicImport => {
		namespaces.push(await dynamicImport("./target.js"));
		namespaces.push(await dynamicImport({ toString: () => "./target.js" }));
	}));
	await g.main("main.js");
	t.deepEqual(log, [ "target 1" ]);
	t.is(namespaces[0], namespaces[1]);
	t.is(namespaces[0].value, 1);
	t.is(namespaces[0][Symbol.toStringTag], "Module");
});

test.serial("import() validates its arguments as the engine does, rejecting instead of throwing", async t => {
	const g = createGraph();
	const errors = [];
	g.define("main.js", { async: true, dynamic: true }, dynamicModule(async dynamicImport => {
		for (const [ specifier, options ] of [ [ Symbol("s") ], [ "./x.js", 1 ], [ "./x.js", { with: 1 } ], [ "./x.js", { with: { type: 1 } } ] ]) {
			const promise = dynamicImport(specifier, options);
			t.true(promise instanceof Promise);
			errors.push(await promise.catch(error => error));
		}
	}));
	await g.main("main.js");
	const native = [];
	for (const options of [ 1, { with: 1 }, { with: { type: 1 } } ]) {
		native.push(await import("./x.js", options).catch(error => error.message));
	}
	t.true(errors.every(error => error instanceof TypeError));
	t.deepEqual(errors.slice(1).map(error => error.message), native);
});

test.serial("import attributes travel to the hooks, and the import is a graph edge that updates reach", async t => {
	const g = createGraph();
	const log = [];
	g.define("data.js", { exports: [ "value" ] }, valueModule(log, "data", 1));
	globalThis.requestTargets.set("./data.js type=json", g.moduleFunction("data.js"));
	g.define("main.js", { async: true, dynamic: true, meta: true }, dynamicModule(async (dynamicImport, meta) => {
		const namespace = await dynamicImport("./data.js", { with: { type: "json" } });
		log.push(`main sees ${namespace.value}`);
		meta.hot.accept("./data.js", async () => {
			const again = await dynamicImport("./data.js", { with: { type: "json" } });
			log.push(`re-imported ${again.value}`);
		});
	}));
	await g.main("main.js");
	const messages = await update(g.redefine("data.js", 1, { exports: [ "value" ] }, valueModule(log, "data", 2)));
	t.is(messages.length, 1);
	t.regex(messages[0], /^Loaded 1 new module, reevaluated 0 existing modules/);
	t.deepEqual(log, [ "data 1", "main sees 1", "data 2", "re-imported 2" ]);
});

test.serial("import.meta.resolve asks the resolve hook from the module's URL", async t => {
	const g = createGraph();
	let resolved;
	g.define("main.js", { meta: true }, function* (meta, dynamicImport, link) {
		link(() => {}, {});
		yield;
		resolved = meta.resolve("./sibling.js");
	});
	await g.main("main.js");
	t.is(resolved, new URL("./sibling.js", g.url("main.js")).href);
});

test.serial("a link error of import() rejects with the SyntaxError; the importer keeps running", async t => {
	const g = createGraph();
	g.define("empty.js", {}, valueModule([], "empty", 0));
	g.define("needs.js", { requests: [ { specifier: "./empty.js", bindings: [ imp("missing") ] } ] }, valueModule([], "needs", 0));
	globalThis.requestTargets.set("./needs.js", g.moduleFunction("needs.js"));
	let error;
	g.define("main.js", { async: true, dynamic: true }, dynamicModule(async dynamicImport => {
		error = await dynamicImport("./needs.js").catch(caught => caught);
	}));
	await g.main("main.js");
	t.true(error instanceof SyntaxError);
	t.is(error.message, "The requested module './empty.js' does not provide an export named 'missing'");
});
