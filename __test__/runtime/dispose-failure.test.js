// A throwing dispose handler leaves its module's instance partly disposed (docs/semantics.md §6.4):
// the restart it calls for is advised once, updates that would replace that module are refused,
// naming it, and the others are applied.
import test from "ava";
import { createGraph } from "./graph.js";
import { update, valueSource } from "./update-helpers.js";

test("a throwing dispose handler is reported with a restart advice; later updates of its module are refused, others apply", async t => {
	const g = createGraph();
	const log = g.values.log = [];
	g.module("dep.js", valueSource(g, "dep", 1, `
		import.meta.hot.accept();
		import.meta.hot.dispose(() => {
			throw new Error("dispose failed");
		});
	`));
	g.module("other.js", valueSource(g, "other", 1, "import.meta.hot.accept();"));
	g.module("main.js", `
		import { value } from "./dep.js";
		import "./other.js";
		${g.test}.log.push("main 0");
	`);
	await g.main("main.js");
	log.length = 0;
	const first = await update(g.version("dep.js", 1, valueSource(g, "dep", 2)));
	t.is(first.length, 2);
	t.regex(first[0], /^Error in a dispose handler of \S*dep\.js:\nError: dispose failed/);
	t.regex(first[1], /^A dispose handler of \S*dep\.js failed: .* should be restarted\. Until then, updates that would replace it are refused, and the others are applied\.$/);
	t.deepEqual(log, []);
	const later = await update(g.version("dep.js", 2, valueSource(g, "dep", 3)));
	t.is(later.length, 1);
	t.regex(later[0], /^The update was refused: it would replace \S*dep\.js, whose dispose handler failed earlier\. Restart the process to apply it\.$/);
	t.deepEqual(log, []);
	const elsewhere = await update(g.version("other.js", 1, valueSource(g, "other", 2, "import.meta.hot.accept();")));
	t.is(elsewhere.length, 1);
	t.regex(elsewhere[0], /^Loaded 1 new module, reevaluated 0 existing modules in \d+ms\.$/);
	t.deepEqual(log, [ "other 2" ]);
});
