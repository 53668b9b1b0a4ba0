import test from "ava";
import { setTimeout as delay } from "node:timers/promises";
import { createGraph, imp } from "./graph.js";

function leaf(log, name) {
	return function* (meta, dynamicImport, link) {
		link(() => {}, {});
		yield;
		log.push(name);
	};
}

test("top-level await: importers wait, siblings keep their order", async t => {
	const g = createGraph();
	const log = [];
	g.define("slow.js", { async: true, exports: [ "value" ] }, async function* (meta, dynamicImport, link) {
		link(() => {}, { value: () => value });
		yield;
		log.push("slow start");
		await delay(5);
		const value = "slow value";
		log.push("slow end");
	});
	g.define("sync.js", {}, leaf(log, "sync"));
	g.define("main.js", { requests: [ { specifier: "./slow.js", bindings: [ imp("value") ] }, { specifier: "./sync.js" } ] }, function* (meta, dynamicImport, link) {
		let imports;
		link(next => { imports = next; }, {});
		yield;
		log.push(`main sees ${imports.value()}`);
	});
	await g.main("main.js");
	t.deepEqual(log, [ "slow start", "sync", "slow end", "main sees slow value" ]);
});

test("top-level await inside a cycle does not deadlock", async t => {
	const g = createGraph();
	const log = [];
	g.define("a.js", { exports: [ "a" ], requests: [ { specifier: "./b.js", bindings: [ imp("b") ] } ] }, function* (meta, dynamicImport, link) {
		let imports;
		link(next => { imports = next; }, { a: () => a });
		yield;
		const a = "a";
		log.push(`a sees ${imports.b()}`);
	});
	g.define("b.js", { async: true, exports: [ "b" ], requests: [ { specifier: "./a.js", bindings: [ imp("a") ] } ] }, async function* (meta, dynamicImport, link) {
		link(() => {}, { b: () => b });
		yield;
		await delay(1);
		const b = "b";
		log.push("b done");
	});
	await g.main("a.js");
	t.deepEqual(log, [ "b done", "a sees b" ]);
});

test("an evaluation error is cached and rethrown to later importers without running the body again", async t => {
	const g = createGraph();
	let runs = 0;
	g.define("broken.js", {}, function* (meta, dynamicImport, link) {
		link(() => {}, {});
		yield;
		++runs;
		throw new Error("broken");
	});
	g.define("first.js", { requests: [ { specifier: "./broken.js" } ] }, leaf([], "first"));
	g.define("second.js", { requests: [ { specifier: "./broken.js" } ] }, leaf([], "second"));
	const first = await t.throwsAsync(g.main("first.js"), { message: "broken" });
	const second = await t.throwsAsync(g.main("second.js"), { message: "broken" });
	t.is(first, second);
	t.is(runs, 1);
});

test("a rejected top-level await rejects every importer, once", async t => {
	const g = createGraph();
	const log = [];
	g.define("rejects.js", { async: true }, async function* (meta, dynamicImport, link) {
		link(() => {}, {});
		yield;
		await delay(1);
		throw new Error("rejected");
	});
	g.define("main.js", { requests: [ { specifier: "./rejects.js" } ] }, leaf(log, "main"));
	await t.throwsAsync(g.main("main.js"), { message: "rejected" });
	await t.throwsAsync(g.main("main.js"), { message: "rejected" });
	t.deepEqual(log, []);
});

test("a module imported by both branches evaluates once, before its first importer", async t => {
	const g = createGraph();
	const log = [];
	g.define("shared.js", {}, leaf(log, "shared"));
	g.define("left.js", { requests: [ { specifier: "./shared.js" } ] }, leaf(log, "left"));
	g.define("right.js", { requests: [ { specifier: "./shared.js" } ] }, leaf(log, "right"));
	g.define("main.js", { requests: [ { specifier: "./left.js" }, { specifier: "./right.js" } ] }, leaf(log, "main"));
	await g.main("main.js");
	t.deepEqual(log, [ "shared", "left", "right", "main" ]);
});

test("import.meta has Node's properties plus hot and dynoHot", async t => {
	const g = createGraph();
	let seen;
	g.define("meta.js", { meta: true }, function* (meta, dynamicImport, link) {
		link(() => {}, {});
		yield;
		seen = meta;
	});
	await g.main("meta.js");
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
