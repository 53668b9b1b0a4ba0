import test from "ava";
import { createGraph, imp } from "./graph.js";
import { update, valueModule } from "./update-helpers.js";

const loaded = /^Loaded (\d+) new modules?, reevaluated (\d+) existing modules? in \d+ms\.$/;

/** The counts of the one message an update printed, which must be the success line. */
function counts(messages) {
	if (messages.length !== 1 || !loaded.test(messages[0])) {
		throw new Error(`expected one success message, got ${JSON.stringify(messages)}`);
	}
	const [ , loads, reevaluations ] = loaded.exec(messages[0]);
	return [ Number(loads), Number(reevaluations) ];
}

/** `main.js` imports `value` from `dep.js` and records what it sees, through a live binding. */
function importer(log, setup = () => {}) {
	return function* (meta, dynamicImport, link) {
		let imports;
		link(next => { imports = next; }, { read: () => read });
		yield;
		function read() { return imports.value(); }
		log.push(`main sees ${imports.value()}`);
		setup(meta.hot, read);
	};
}

const importsDep = { meta: true, exports: [ "read" ], requests: [ { specifier: "./dep.js", bindings: [ imp("value") ] } ] };

test("a self-accepting module is re-evaluated in place; data and the new namespace are handed over", async t => {
	const g = createGraph();
	const log = [];
	let read;
	g.define("dep.js", { meta: true, exports: [ "value" ] }, valueModule(log, "dep", 1, hot => {
		hot.accept(namespace => log.push(`accepted ${namespace.value}`));
		hot.dispose(data => { data.from = 1; log.push("dispose 1st"); });
		hot.dispose(() => log.push("dispose 2nd"));
	}));
	g.define("main.js", importsDep, importer(log, (hot, reader) => { read = reader; }));
	await g.main("main.js");
	let data;
	const dep = g.redefine("dep.js", 1, { meta: true, exports: [ "value" ] }, valueModule(log, "dep", 2, hot => { data = hot.data; }));
	const messages = await update(dep);
	t.deepEqual(counts(messages), [ 1, 0 ]);
	t.deepEqual(log, [ "dep 1", "main sees 1", "dispose 2nd", "dispose 1st", "dep 2", "accepted 2" ]);
	t.deepEqual(data, { from: 1 });
	t.is(read(), 2);
});

test("an importer accepting the dependency is relinked; only handlers covering a changed dependency run, in order", async t => {
	const g = createGraph();
	const log = [];
	let read;
	g.define("dep.js", { exports: [ "value" ] }, valueModule(log, "dep", 1));
	g.define("other.js", { exports: [ "value" ] }, valueModule(log, "other", 1));
	g.define("main.js", {
		meta: true,
		exports: [ "read" ],
		requests: [ { specifier: "./dep.js", bindings: [ imp("value") ] }, { specifier: "./other.js" } ],
	}, importer(log, (hot, reader) => {
		read = reader;
		hot.accept("./dep.js", namespace => log.push(`first ${namespace.value}`));
		hot.accept("./other.js", () => log.push("other handler"));
		hot.accept([ "./other.js", "./dep.js" ], namespaces => log.push(`array ${namespaces.map(namespace => namespace.value).join()}`));
	}));
	await g.main("main.js");
	log.length = 0;
	const messages = await update(g.redefine("dep.js", 1, { exports: [ "value" ] }, valueModule(log, "dep", 2)));
	t.deepEqual(counts(messages), [ 1, 0 ]);
	t.deepEqual(log, [ "dep 2", "first 2", "array 1,2" ]);
	t.is(read(), 2);
});

test("a change that reaches the root without a boundary reports the path and runs nothing", async t => {
	const g = createGraph();
	const log = [];
	g.define("dep.js", { meta: true, exports: [ "value" ] }, valueModule(log, "dep", 1, hot => hot.dispose(() => log.push("disposed"))));
	g.define("middle.js", { requests: [ { specifier: "./dep.js", bindings: [ imp("value") ] } ] }, valueModule(log, "middle", 0));
	g.define("main.js", { requests: [ { specifier: "./middle.js" } ] }, valueModule(log, "main", 0));
	await g.main("main.js");
	log.length = 0;
	const messages = await update(g.redefine("dep.js", 1, { exports: [ "value" ] }, valueModule(log, "dep", 2)));
	t.deepEqual(log, []);
	t.is(messages.length, 1);
	t.regex(messages[0], /^The update was not accepted/);
	const lines = messages[0].split("\n").slice(1).map(line => line.trim());
	t.true(lines[0].endsWith("dep.js (changed)"));
	t.true(lines[1].endsWith("middle.js"));
	t.true(lines[2].endsWith("main.js"));
});

test("a declining module on the path fails the update; an unchanged declined sibling does not block", async t => {
	const g = createGraph();
	const log = [];
	g.define("dep.js", { exports: [ "value" ] }, valueModule(log, "dep", 1));
	g.define("sibling.js", { meta: true }, valueModule(log, "sibling", 0, hot => hot.decline()));
	g.define("middle.js", { meta: true, requests: [ { specifier: "./dep.js", bindings: [ imp("value") ] } ] }, valueModule(log, "middle", 0, hot => hot.decline()));
	g.define("main.js", { meta: true, requests: [ { specifier: "./middle.js" }, { specifier: "./sibling.js" } ] }, valueModule(log, "main", 0, hot => hot.accept()));
	await g.main("main.js");
	log.length = 0;
	const declined = await update(g.redefine("dep.js", 1, { exports: [ "value" ] }, valueModule(log, "dep", 2)));
	t.deepEqual(log, []);
	t.is(declined.length, 1);
	t.regex(declined[0], /^The update was declined by:\n\s+\S*middle\.js$/);
	// The sibling declines too, but nothing has to travel through it.
	const accepted = await update(g.redefine("main.js", 1, { meta: true, requests: [ { specifier: "./middle.js" }, { specifier: "./sibling.js" } ] }, valueModule(log, "main", 1, hot => hot.accept())));
	t.deepEqual(counts(accepted), [ 1, 0 ]);
	t.deepEqual(log, [ "main 1" ]);
});

test("a link error changes nothing, stays pending, and a fix in the importer applies both", async t => {
	const g = createGraph();
	const log = [];
	g.define("child.js", { meta: true, exports: [ "x" ] }, function* (meta, dynamicImport, link) {
		link(() => {}, { x: () => "x" });
		yield;
		meta.hot.dispose(() => log.push("child disposed"));
	});
	const parentShape = { requests: [ { specifier: "./child.js", bindings: [ imp("x") ] } ] };
	g.define("parent.js", parentShape, valueModule(log, "parent", 0));
	g.define("main.js", { meta: true, requests: [ { specifier: "./parent.js" } ] }, valueModule(log, "main", 0, hot => hot.accept()));
	await g.main("main.js");
	log.length = 0;
	const child = g.redefine("child.js", 1, { exports: [ "y" ] }, function* (meta, dynamicImport, link) {
		link(() => {}, { y: () => "y" });
		yield;
		log.push("child 1");
	});
	const failed = await update(child);
	t.deepEqual(log, []);
	t.is(failed.length, 1);
	t.regex(failed[0], /^Error while linking \S*parent\.js:\nSyntaxError: The requested module '\.\/child\.js' does not provide an export named 'x'/);
	const parent = g.redefine("parent.js", 1, { requests: [ { specifier: "./child.js", bindings: [ imp("y") ] } ] }, valueModule(log, "parent", 1));
	const fixed = await update(parent);
	t.deepEqual(counts(fixed), [ 2, 1 ]);
	t.deepEqual(log, [ "child disposed", "child 1", "parent 1", "main 0" ]);
});

test("an evaluation error keeps the previous instance; the fix applies and the accept handler runs once", async t => {
	const g = createGraph();
	const log = [];
	let read;
	g.define("dep.js", { exports: [ "value" ] }, valueModule(log, "dep", 1));
	g.define("main.js", importsDep, importer(log, (hot, reader) => {
		read = reader;
		hot.accept("./dep.js", () => log.push("accepted"));
	}));
	await g.main("main.js");
	log.length = 0;
	const broken = await update(g.redefine("dep.js", 1, { exports: [ "value" ] }, function* (meta, dynamicImport, link) {
		link(() => {}, { value: () => 2 });
		yield;
		throw new Error("broken edit");
	}));
	t.is(broken.length, 1);
	t.regex(broken[0], /^Error while evaluating \S*dep\.js:\nError: broken edit/);
	t.is(read(), 1);
	t.deepEqual(log, []);
	const fixed = await update(g.redefine("dep.js", 2, { exports: [ "value" ] }, valueModule(log, "dep", 3)));
	t.deepEqual(counts(fixed), [ 1, 0 ]);
	t.deepEqual(log, [ "dep 3", "accepted" ]);
	t.is(read(), 3);
});

test("a throwing accept handler sends the change on to the importer's importers", async t => {
	const g = createGraph();
	const log = [];
	g.define("dep.js", { exports: [ "value" ] }, valueModule(log, "dep", 1));
	g.define("middle.js", importsDep, importer(log, hot => hot.accept("./dep.js", () => {
		throw new Error("handler failed");
	})));
	g.define("main.js", { meta: true, requests: [ { specifier: "./middle.js" } ] }, valueModule(log, "main", 0, hot => hot.accept("./middle.js", () => log.push("main accepted"))));
	await g.main("main.js");
	log.length = 0;
	const messages = await update(g.redefine("dep.js", 1, { exports: [ "value" ] }, valueModule(log, "dep", 2)));
	t.is(messages.length, 2);
	t.regex(messages[0], /^Error in an accept handler of \S*middle\.js:\nError: handler failed/);
	t.regex(messages[1], /^Loaded 1 new module, reevaluated 1 existing module in \d+ms\.$/);
	t.deepEqual(log, [ "dep 2", "main sees 2", "main accepted" ]);
});

test("a parent accepts a module inside a cycle: the cycle is re-evaluated as one unit", async t => {
	const g = createGraph();
	const log = [];
	const member = (name, other, value) => function* (meta, dynamicImport, link) {
		let imports;
		link(next => { imports = next; }, { [name]: () => value });
		yield;
		log.push(`${name} ${value} sees ${typeof imports[other]}`);
	};
	g.define("a.js", { exports: [ "a" ], requests: [ { specifier: "./b.js", bindings: [ imp("b") ] } ] }, member("a", "b", 1));
	g.define("b.js", { exports: [ "b" ], requests: [ { specifier: "./a.js", bindings: [ imp("a") ] } ] }, member("b", "a", 1));
	g.define("main.js", { meta: true, requests: [ { specifier: "./a.js", bindings: [ imp("a") ] } ] }, function* (meta, dynamicImport, link) {
		let imports;
		link(next => { imports = next; }, {});
		yield;
		meta.hot.accept("./a.js", namespace => log.push(`main accepted a=${namespace.a} live=${imports.a()}`));
	});
	await g.main("main.js");
	log.length = 0;
	const messages = await update(g.redefine("b.js", 1, { exports: [ "b" ], requests: [ { specifier: "./a.js", bindings: [ imp("a") ] } ] }, member("b", "a", 2)));
	t.deepEqual(counts(messages), [ 1, 1 ]);
	t.deepEqual(log, [ "b 2 sees function", "a 1 sees function", "main accepted a=1 live=1" ]);
});

test("a removed import is pruned: its dispose and prune handlers run", async t => {
	const g = createGraph();
	const log = [];
	g.define("gone.js", { meta: true }, valueModule(log, "gone", 0, hot => {
		hot.dispose(() => log.push("gone disposed"));
		hot.prune(() => log.push("gone pruned"));
	}));
	g.define("main.js", { meta: true, requests: [ { specifier: "./gone.js" } ] }, valueModule(log, "main", 0, hot => hot.accept()));
	await g.main("main.js");
	log.length = 0;
	const messages = await update(g.redefine("main.js", 1, { meta: true }, valueModule(log, "main", 1, hot => hot.accept())));
	t.deepEqual(counts(messages), [ 1, 0 ]);
	t.deepEqual(log, [ "main 1", "gone pruned", "gone disposed" ]);
	t.is(g.controller("gone.js").current, undefined);
});

test("accept of a group with an unchanged member, and siblings stay untouched", async t => {
	const g = createGraph();
	const log = [];
	g.define("one.js", { exports: [ "value" ] }, valueModule(log, "one", 1));
	g.define("two.js", { exports: [ "value" ] }, valueModule(log, "two", 1));
	g.define("main.js", { meta: true, requests: [ { specifier: "./one.js" }, { specifier: "./two.js" } ] }, valueModule(log, "main", 0, hot => {
		hot.accept([ "./one.js", "./two.js" ], namespaces => log.push(`group ${namespaces.map(namespace => namespace.value).join()}`));
	}));
	await g.main("main.js");
	log.length = 0;
	const messages = await update(g.redefine("two.js", 1, { exports: [ "value" ] }, valueModule(log, "two", 2)));
	t.deepEqual(counts(messages), [ 1, 0 ]);
	t.deepEqual(log, [ "two 2", "group 1,2" ]);
});

test("invalidate() in an accept handler cancels the acceptance; outside an update it schedules one", async t => {
	const g = createGraph();
	const log = [];
	g.define("dep.js", { meta: true, exports: [ "value" ] }, valueModule(log, "dep", 1, hot => {
		hot.dispose(() => log.push("dep disposed"));
		globalThis.invalidateDep = () => hot.invalidate();
	}));
	g.define("middle.js", importsDep, importer(log, hot => hot.accept("./dep.js", () => hot.invalidate())));
	g.define("main.js", { meta: true, requests: [ { specifier: "./middle.js" } ] }, valueModule(log, "main", 0, hot => hot.accept()));
	await g.main("main.js");
	log.length = 0;
	const messages = await update(g.redefine("dep.js", 1, { meta: true, exports: [ "value" ] }, valueModule(log, "dep", 2, hot => {
		globalThis.invalidateDep = () => hot.invalidate();
	})));
	t.deepEqual(counts(messages), [ 1, 2 ]);
	t.deepEqual(log, [ "dep disposed", "dep 2", "main sees 2", "main 0" ]);
	log.length = 0;
	const next = new Promise(resolve => {
		const unsubscribe = g.runtime.logger.subscribe(message => {
			unsubscribe();
			resolve(message);
		});
	});
	globalThis.invalidateDep();
	t.regex(await next, /^Loaded/);
	t.deepEqual(log, [ "dep 2", "main sees 2", "main 0" ]);
	delete globalThis.invalidateDep;
});

test("on(\"message\") receives the format string and parameters, until unsubscribed or disposed", async t => {
	const g = createGraph();
	const received = [];
	const listen = name => function* (meta, dynamicImport, link) {
		link(() => {}, {});
		yield;
		meta.hot.accept();
		meta.hot.on("message", (message, ...params) => received.push([ name, message, ...params ]));
		meta.hot.on("message", () => received.push([ `${name} unsubscribed` ]))();
	};
	g.define("dep.js", { meta: true }, listen("old"));
	g.define("main.js", { requests: [ { specifier: "./dep.js" } ] }, valueModule([], "main", 0));
	await g.main("main.js");
	await update(g.redefine("dep.js", 1, { meta: true }, listen("new")));
	// The old listener belonged to the replaced instance: it went away when that was disposed.
	t.is(received.length, 1);
	const [ name, message, ...params ] = received[0];
	t.is(name, "new");
	t.is(message, "Loaded %d new module, reevaluated %d existing modules in %dms.");
	t.deepEqual(params.slice(0, 2), [ 1, 0 ]);
	t.is(typeof params[2], "number");
});

test("a shared child under an accepting and a non-accepting branch is unaccepted; a declining importer that accepts does not block", async t => {
	const g = createGraph();
	const log = [];
	g.define("shared.js", { exports: [ "value" ] }, valueModule(log, "shared", 1));
	g.define("accepting.js", importingValueOf("shared"), valueModule(log, "accepting", 0, hot => {
		hot.decline();
		hot.accept("./shared.js", () => log.push("accepting handler"));
	}));
	g.define("plain.js", importingValueOf("shared"), valueModule(log, "plain", 0));
	g.define("main.js", { requests: [ { specifier: "./accepting.js" }, { specifier: "./plain.js" } ] }, valueModule(log, "main", 0));
	await g.main("main.js");
	log.length = 0;
	const unaccepted = await update(g.redefine("shared.js", 1, { exports: [ "value" ] }, valueModule(log, "shared", 2)));
	t.is(unaccepted.length, 1);
	t.regex(unaccepted[0], /^The update was not accepted/);
	t.notRegex(unaccepted[0], /accepting\.js/);
	t.deepEqual(log, []);

	const h = createGraph();
	h.define("shared.js", { exports: [ "value" ] }, valueModule(log, "shared", 1));
	h.define("accepting.js", importingValueOf("shared"), valueModule(log, "accepting", 0, hot => {
		hot.decline();
		hot.accept("./shared.js", () => log.push("accepting handler"));
	}));
	h.define("main.js", { requests: [ { specifier: "./accepting.js" } ] }, valueModule(log, "main", 0));
	await h.main("main.js");
	log.length = 0;
	const accepted = await update(h.redefine("shared.js", 1, { exports: [ "value" ] }, valueModule(log, "shared", 2)));
	t.deepEqual(counts(accepted), [ 1, 0 ]);
	t.deepEqual(log, [ "shared 2", "accepting handler" ]);
});

function importingValueOf(name) {
	return { meta: true, requests: [ { specifier: `./${name}.js`, bindings: [ imp("value") ] } ] };
}
