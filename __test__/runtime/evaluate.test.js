import test from "ava";
import { setTimeout as delay } from "node:timers/promises";
import { createGraph, recorder } from "./graph.js";

test("top-level await: importers wait, siblings keep their order", async t => {
	const g = createGraph();
	const log = g.values.log = [];
	g.values.delay = delay;
	g.module("slow.js", `
		${g.test}.log.push("slow start");
		await ${g.test}.delay(5);
		export const value = "slow value";
		${g.test}.log.push("slow end");
	`);
	g.module("sync.js", recorder(g, "sync"));
	g.module("main.js", `
		import { value } from "./slow.js";
		import "./sync.js";
		${g.test}.log.push("main sees " + value);
	`);
	await g.main("main.js");
	t.deepEqual(log, [ "slow start", "sync", "slow end", "main sees slow value" ]);
});

test("top-level await inside a cycle does not deadlock", async t => {
	const g = createGraph();
	const log = g.values.log = [];
	g.values.delay = delay;
	g.module("a.js", `
		import { b } from "./b.js";
		export const a = "a";
		${g.test}.log.push("a sees " + b);
	`);
	g.module("b.js", `
		import { a } from "./a.js";
		await ${g.test}.delay(1);
		export const b = "b";
		${g.test}.log.push("b done");
	`);
	await g.main("a.js");
	t.deepEqual(log, [ "b done", "a sees b" ]);
});

test("an evaluation error is cached and rethrown to later importers without running the body again", async t => {
	const g = createGraph();
	g.values.runs = 0;
	g.module("broken.js", `
		++${g.test}.runs;
		throw new Error("broken");
	`);
	g.module("first.js", "import \"./broken.js\";");
	g.module("second.js", "import \"./broken.js\";");
	const first = await t.throwsAsync(g.main("first.js"), { message: "broken" });
	const second = await t.throwsAsync(g.main("second.js"), { message: "broken" });
	t.is(first, second);
	t.is(g.values.runs, 1);
});

test("a rejected top-level await rejects every importer, once", async t => {
	const g = createGraph();
	const log = g.values.log = [];
	g.values.delay = delay;
	g.module("rejects.js", `
		await ${g.test}.delay(1);
		throw new Error("rejected");
	`);
	g.module("main.js", recorder(g, "main", [ "./rejects.js" ]));
	await t.throwsAsync(g.main("main.js"), { message: "rejected" });
	await t.throwsAsync(g.main("main.js"), { message: "rejected" });
	t.deepEqual(log, []);
});

test("a module imported by both branches evaluates once, before its first importer", async t => {
	const g = createGraph();
	const log = g.values.log = [];
	g.module("shared.js", recorder(g, "shared"));
	g.module("left.js", recorder(g, "left", [ "./shared.js" ]));
	g.module("right.js", recorder(g, "right", [ "./shared.js" ]));
	g.module("main.js", recorder(g, "main", [ "./left.js", "./right.js" ]));
	await g.main("main.js");
	t.deepEqual(log, [ "shared", "left", "right", "main" ]);
});

test("import.meta has Node's properties plus hot and dynoHot", async t => {
	const g = createGraph();
	g.module("meta.js", `${g.test}.meta = import.meta;`);
	await g.main("meta.js");
	const seen = g.values.meta;
	t.is(seen.url, g.url("meta.js"));
	t.is(Object.getPrototypeOf(seen), null);
	if ("filename" in import.meta) {
		t.is(seen.filename, new URL(g.url("meta.js")).pathname);
		t.is(seen.dirname, new URL(".", g.url("meta.js")).pathname.replace(/\/$/, ""));
	}
	t.is(typeof seen.resolve, "function");
	t.is(seen.hot, seen.dynoHot);
	t.is(seen.hot.data, undefined);
});
