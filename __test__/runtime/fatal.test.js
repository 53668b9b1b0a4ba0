// A throwing dispose handler leaves the runtime in a fatal state, for good (the graph's runtime
// object here; in an application, the process's one runtime).
import test from "ava";
import { createGraph, imp } from "./graph.js";
import { update, valueModule } from "./update-helpers.js";

test("a throwing dispose handler is reported, and every later update says the app must restart", async t => {
	const g = createGraph();
	const log = [];
	g.define("dep.js", { meta: true, exports: [ "value" ] }, valueModule(log, "dep", 1, hot => {
		hot.accept();
		hot.dispose(() => {
			throw new Error("dispose failed");
		});
	}));
	g.define("main.js", { requests: [ { specifier: "./dep.js", bindings: [ imp("value") ] } ] }, valueModule(log, "main", 0));
	await g.main("main.js");
	log.length = 0;
	const first = await update(g.redefine("dep.js", 1, { exports: [ "value" ] }, valueModule(log, "dep", 2)));
	t.is(first.length, 2);
	t.regex(first[0], /^Error in a dispose handler of \S*dep\.js:\nError: dispose failed/);
	t.regex(first[1], /must be restarted/);
	t.deepEqual(log, []);
	const later = await update(g.redefine("dep.js", 2, { exports: [ "value" ] }, valueModule(log, "dep", 3)));
	t.is(later.length, 1);
	t.regex(later[0], /must be restarted/);
	t.deepEqual(log, []);
});
