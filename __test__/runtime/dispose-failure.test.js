// A throwing dispose handler leaves its module's instance partly disposed (docs/semantics.md §6.4):
// the restart it calls for is advised once, updates that would replace that module are refused,
// naming it, and the others are applied.
import test from "ava";
import { createGraph, imp } from "./graph.js";
import { update, valueModule } from "./update-helpers.js";

test("a throwing dispose handler is reported with a restart advice; later updates of its module are refused, others apply", async t => {
	const g = createGraph();
	const log = [];
	g.define("dep.js", { meta: true, exports: [ "value" ] }, valueModule(log, "dep", 1, hot => {
		hot.accept();
		hot.dispose(() => {
			throw new Error("dispose failed");
		});
	}));
	g.define("other.js", { meta: true, exports: [ "value" ] }, valueModule(log, "other", 1, hot => hot.accept()));
	g.define("main.js", { requests: [ { specifier: "./dep.js", bindings: [ imp("value") ] }, { specifier: "./other.js" } ] }, valueModule(log, "main", 0));
	await g.main("main.js");
	log.length = 0;
	const first = await update(g.redefine("dep.js", 1, { exports: [ "value" ] }, valueModule(log, "dep", 2)));
	t.is(first.length, 2);
	t.regex(first[0], /^Error in a dispose handler of \S*dep\.js:\nError: dispose failed/);
	t.regex(first[1], /^A dispose handler of \S*dep\.js failed: .* should be restarted\. Until then, updates that would replace it are refused, and the others are applied\.$/);
	t.deepEqual(log, []);
	const later = await update(g.redefine("dep.js", 2, { exports: [ "value" ] }, valueModule(log, "dep", 3)));
	t.is(later.length, 1);
	t.regex(later[0], /^The update was refused: it would replace \S*dep\.js, whose dispose handler failed earlier\. Restart the process to apply it\.$/);
	t.deepEqual(log, []);
	const elsewhere = await update(g.redefine("other.js", 1, { meta: true, exports: [ "value" ] }, valueModule(log, "other", 2, hot => hot.accept())));
	t.is(elsewhere.length, 1);
	t.regex(elsewhere[0], /^Loaded 1 new module, reevaluated 0 existing modules in \d+ms\.$/);
	t.deepEqual(log, [ "other 2" ]);
});
