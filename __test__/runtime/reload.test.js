import test from "ava";
import { createGraph } from "./graph.js";
import { updateFiles } from "./update-helpers.js";

// A JSON module reloads from its file without the transform: the runtime parses the new text.
test.serial("a changed JSON file is read, applied, and a syntax error in it is reported as a loading error", async t => {
	const g = createGraph();
	const log = g.values.log = [];
	// What the hooks' stub of a JSON module holds: the transform makes no JSON module.
	g.define("data.json", { format: "json", text: "{\"n\":1}", metadata: { exports: [ "default" ] } }, function* (meta, dynamicImport, link) {
		link(() => {}, { default: () => json });
		yield;
		const json = { n: 1 };
	});
	g.module("main.js", `
		import data from "./data.json" with { type: "json" };
		import.meta.hot.accept("./data.json", namespace => ${g.test}.log.push("accepted " + namespace.default.n + " live " + data.n));
	`);
	await g.main("main.js");
	g.write("data.json", "{\"n\":2}");
	const applied = await updateFiles(g.controller("data.json"));
	t.is(applied.length, 1);
	t.regex(applied[0], /^Loaded 1 new module, reevaluated 0 existing modules in \d+ms\.$/);
	t.deepEqual(log, [ "accepted 2 live 2" ]);
	g.write("data.json", "{\"n\":");
	const failed = await updateFiles(g.controller("data.json"));
	t.is(failed.length, 1);
	t.regex(failed[0], /^Error while loading the changed file \S*data\.json:\nSyntaxError: /);
	t.deepEqual(log, [ "accepted 2 live 2" ]);
});
