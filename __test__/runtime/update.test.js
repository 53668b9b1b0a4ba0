import test from "ava";
import { createGraph, recorder } from "./graph.js";
import { update, valueSource } from "./update-helpers.js";

const loaded = /^Loaded (\d+) new modules?, reevaluated (\d+) existing modules? in \d+ms\.$/;

/** The counts of the one message an update printed, which must be the success line. */
function counts(messages) {
	if (messages.length !== 1 || !loaded.test(messages[0])) {
		throw new Error(`expected one success message, got ${JSON.stringify(messages)}`);
	}
	const [ , loads, reevaluations ] = loaded.exec(messages[0]);
	return [ Number(loads), Number(reevaluations) ];
}

/**
 * The source of an importer of `value` from `dep.js` that records what it sees and exports `read`,
 * which reads it through the live binding; `hot` is more source text, run after that.
 */
function importerSource(g, hot = "") {
	return `
		import { value } from "./dep.js";
		export function read() { return value; }
		${g.test}.log.push("main sees " + value);
		${hot}
	`;
}

test("a self-accepting module is re-evaluated in place; data and the new namespace are handed over", async t => {
	const g = createGraph();
	const log = g.values.log = [];
	g.module("dep.js", valueSource(g, "dep", 1, `
		import.meta.hot.accept(namespace => ${g.test}.log.push("accepted " + namespace.value));
		import.meta.hot.dispose(data => { data.from = 1; ${g.test}.log.push("dispose 1st"); });
		import.meta.hot.dispose(() => ${g.test}.log.push("dispose 2nd"));
	`));
	g.module("main.js", importerSource(g, `${g.test}.read = read;`));
	await g.main("main.js");
	const dep = g.version("dep.js", 1, valueSource(g, "dep", 2, `${g.test}.data = import.meta.hot.data;`));
	const messages = await update(dep);
	t.deepEqual(counts(messages), [ 1, 0 ]);
	t.deepEqual(log, [ "dep 1", "main sees 1", "dispose 2nd", "dispose 1st", "dep 2", "accepted 2" ]);
	t.deepEqual(g.values.data, { from: 1 });
	t.is(g.values.read(), 2);
});

test("an importer accepting the dependency is relinked; only handlers covering a changed dependency run, in order", async t => {
	const g = createGraph();
	const log = g.values.log = [];
	g.module("dep.js", valueSource(g, "dep", 1));
	g.module("other.js", valueSource(g, "other", 1));
	g.module("main.js", `
		import { value } from "./dep.js";
		import "./other.js";
		export function read() { return value; }
		${g.test}.log.push("main sees " + value);
		${g.test}.read = read;
		import.meta.hot.accept("./dep.js", namespace => ${g.test}.log.push("first " + namespace.value));
		import.meta.hot.accept("./other.js", () => ${g.test}.log.push("other handler"));
		import.meta.hot.accept([ "./other.js", "./dep.js" ], namespaces => ${g.test}.log.push("array " + namespaces.map(namespace => namespace.value).join()));
	`);
	await g.main("main.js");
	log.length = 0;
	const messages = await update(g.version("dep.js", 1, valueSource(g, "dep", 2)));
	t.deepEqual(counts(messages), [ 1, 0 ]);
	t.deepEqual(log, [ "dep 2", "first 2", "array 1,2" ]);
	t.is(g.values.read(), 2);
});

test("a change that reaches the root without a boundary reports the path and runs nothing", async t => {
	const g = createGraph();
	const log = g.values.log = [];
	g.module("dep.js", valueSource(g, "dep", 1, `import.meta.hot.dispose(() => ${g.test}.log.push("disposed"));`));
	g.module("middle.js", `
		import { value } from "./dep.js";
		${g.test}.log.push("middle 0");
	`);
	g.module("main.js", recorder(g, "main 0", [ "./middle.js" ]));
	await g.main("main.js");
	log.length = 0;
	const messages = await update(g.version("dep.js", 1, valueSource(g, "dep", 2)));
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
	const log = g.values.log = [];
	const mainSource = version => recorder(g, `main ${version}`, [ "./middle.js", "./sibling.js" ], "import.meta.hot.accept();");
	g.module("dep.js", valueSource(g, "dep", 1));
	g.module("sibling.js", recorder(g, "sibling 0", [], "import.meta.hot.decline();"));
	g.module("middle.js", `
		import { value } from "./dep.js";
		${g.test}.log.push("middle 0");
		import.meta.hot.decline();
	`);
	g.module("main.js", mainSource(0));
	await g.main("main.js");
	log.length = 0;
	const declined = await update(g.version("dep.js", 1, valueSource(g, "dep", 2)));
	t.deepEqual(log, []);
	t.is(declined.length, 1);
	t.regex(declined[0], /^The update was declined by:\n\s+\S*middle\.js$/);
	// The sibling declines too, but nothing has to travel through it.
	const accepted = await update(g.version("main.js", 1, mainSource(1)));
	t.deepEqual(counts(accepted), [ 1, 0 ]);
	t.deepEqual(log, [ "main 1" ]);
});

test("a link error changes nothing, stays pending, and a fix in the importer applies both", async t => {
	const g = createGraph();
	const log = g.values.log = [];
	g.module("child.js", `
		export const x = "x";
		import.meta.hot.dispose(() => ${g.test}.log.push("child disposed"));
	`);
	g.module("parent.js", `
		import { x } from "./child.js";
		${g.test}.log.push("parent 0");
	`);
	g.module("main.js", recorder(g, "main 0", [ "./parent.js" ], "import.meta.hot.accept();"));
	await g.main("main.js");
	log.length = 0;
	const child = g.version("child.js", 1, `
		export const y = "y";
		${g.test}.log.push("child 1");
	`);
	const failed = await update(child);
	t.deepEqual(log, []);
	t.is(failed.length, 1);
	t.regex(failed[0], /^Error while linking \S*parent\.js:\nSyntaxError: The requested module '\.\/child\.js' does not provide an export named 'x'/);
	const parent = g.version("parent.js", 1, `
		import { y } from "./child.js";
		${g.test}.log.push("parent 1");
	`);
	const fixed = await update(parent);
	t.deepEqual(counts(fixed), [ 2, 1 ]);
	t.deepEqual(log, [ "child disposed", "child 1", "parent 1", "main 0" ]);
});

test("an evaluation error keeps the previous instance; the fix applies and the accept handler runs once", async t => {
	const g = createGraph();
	const log = g.values.log = [];
	g.module("dep.js", valueSource(g, "dep", 1));
	g.module("main.js", importerSource(g, `
		${g.test}.read = read;
		import.meta.hot.accept("./dep.js", () => ${g.test}.log.push("accepted"));
	`));
	await g.main("main.js");
	log.length = 0;
	const broken = await update(g.version("dep.js", 1, `
		export const value = 2;
		throw new Error("broken edit");
	`));
	t.is(broken.length, 1);
	t.regex(broken[0], /^Error while evaluating \S*dep\.js:\nError: broken edit/);
	t.is(g.values.read(), 1);
	t.deepEqual(log, []);
	const fixed = await update(g.version("dep.js", 2, valueSource(g, "dep", 3)));
	t.deepEqual(counts(fixed), [ 1, 0 ]);
	t.deepEqual(log, [ "dep 3", "accepted" ]);
	t.is(g.values.read(), 3);
});

test("a throwing accept handler sends the change on to the importer's importers", async t => {
	const g = createGraph();
	const log = g.values.log = [];
	g.module("dep.js", valueSource(g, "dep", 1));
	g.module("middle.js", importerSource(g, `
		import.meta.hot.accept("./dep.js", () => {
			throw new Error("handler failed");
		});
	`));
	g.module("main.js", recorder(g, "main 0", [ "./middle.js" ], `import.meta.hot.accept("./middle.js", () => ${g.test}.log.push("main accepted"));`));
	await g.main("main.js");
	log.length = 0;
	const messages = await update(g.version("dep.js", 1, valueSource(g, "dep", 2)));
	t.is(messages.length, 2);
	t.regex(messages[0], /^Error in an accept handler of \S*middle\.js:\nError: handler failed/);
	t.regex(messages[1], /^Loaded 1 new module, reevaluated 1 existing module in \d+ms\.$/);
	t.deepEqual(log, [ "dep 2", "main sees 2", "main accepted" ]);
});

test("a parent accepts a module inside a cycle: the cycle is re-evaluated as one unit", async t => {
	const g = createGraph();
	const log = g.values.log = [];
	// Each member exports a hoisted function answering its value: the other member sees a function
	// even while it has not run.
	const member = (name, other, value) => `
		import { ${other} } from "./${other}.js";
		export function ${name}() { return ${value}; }
		${g.test}.log.push("${name} ${value} sees " + typeof ${other});
	`;
	g.module("a.js", member("a", "b", 1));
	g.module("b.js", member("b", "a", 1));
	g.module("main.js", `
		import { a } from "./a.js";
		import.meta.hot.accept("./a.js", namespace => ${g.test}.log.push("main accepted a=" + namespace.a() + " live=" + a()));
	`);
	await g.main("main.js");
	log.length = 0;
	const messages = await update(g.version("b.js", 1, member("b", "a", 2)));
	t.deepEqual(counts(messages), [ 1, 1 ]);
	t.deepEqual(log, [ "b 2 sees function", "a 1 sees function", "main accepted a=1 live=1" ]);
});

test("a removed import is pruned: its dispose and prune handlers run", async t => {
	const g = createGraph();
	const log = g.values.log = [];
	g.module("gone.js", recorder(g, "gone 0", [], `
		import.meta.hot.dispose(() => ${g.test}.log.push("gone disposed"));
		import.meta.hot.prune(() => ${g.test}.log.push("gone pruned"));
	`));
	g.module("main.js", recorder(g, "main 0", [ "./gone.js" ], "import.meta.hot.accept();"));
	await g.main("main.js");
	log.length = 0;
	const messages = await update(g.version("main.js", 1, recorder(g, "main 1", [], "import.meta.hot.accept();")));
	t.deepEqual(counts(messages), [ 1, 0 ]);
	t.deepEqual(log, [ "main 1", "gone pruned", "gone disposed" ]);
	t.is(g.controller("gone.js").current, undefined);
});

test("accept of a group with an unchanged member, and siblings stay untouched", async t => {
	const g = createGraph();
	const log = g.values.log = [];
	g.module("one.js", valueSource(g, "one", 1));
	g.module("two.js", valueSource(g, "two", 1));
	g.module("main.js", recorder(g, "main 0", [ "./one.js", "./two.js" ], `
		import.meta.hot.accept([ "./one.js", "./two.js" ], namespaces => ${g.test}.log.push("group " + namespaces.map(namespace => namespace.value).join()));
	`));
	await g.main("main.js");
	log.length = 0;
	const messages = await update(g.version("two.js", 1, valueSource(g, "two", 2)));
	t.deepEqual(counts(messages), [ 1, 0 ]);
	t.deepEqual(log, [ "two 2", "group 1,2" ]);
});

test("invalidate() in an accept handler cancels the acceptance; outside an update it schedules one", async t => {
	const g = createGraph();
	const log = g.values.log = [];
	g.module("dep.js", valueSource(g, "dep", 1, `
		import.meta.hot.dispose(() => ${g.test}.log.push("dep disposed"));
		${g.test}.invalidateDep = () => import.meta.hot.invalidate();
	`));
	g.module("middle.js", importerSource(g, "import.meta.hot.accept(\"./dep.js\", () => import.meta.hot.invalidate());"));
	g.module("main.js", recorder(g, "main 0", [ "./middle.js" ], "import.meta.hot.accept();"));
	await g.main("main.js");
	log.length = 0;
	const messages = await update(g.version("dep.js", 1, valueSource(g, "dep", 2, `${g.test}.invalidateDep = () => import.meta.hot.invalidate();`)));
	t.deepEqual(counts(messages), [ 1, 2 ]);
	t.deepEqual(log, [ "dep disposed", "dep 2", "main sees 2", "main 0" ]);
	log.length = 0;
	const next = new Promise(resolve => {
		const unsubscribe = g.runtime.logger.subscribe(message => {
			unsubscribe();
			resolve(message);
		});
	});
	g.values.invalidateDep();
	t.regex(await next, /^Loaded/);
	t.deepEqual(log, [ "dep 2", "main sees 2", "main 0" ]);
});

test("on(\"message\") receives the format string and parameters, until unsubscribed or disposed", async t => {
	const g = createGraph();
	const received = g.values.received = [];
	const listener = name => `
		import.meta.hot.accept();
		import.meta.hot.on("message", (message, ...params) => ${g.test}.received.push([ "${name}", message, ...params ]));
		import.meta.hot.on("message", () => ${g.test}.received.push([ "${name} unsubscribed" ]))();
	`;
	g.module("dep.js", listener("old"));
	g.module("main.js", "import \"./dep.js\";");
	await g.main("main.js");
	await update(g.version("dep.js", 1, listener("new")));
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
	const log = g.values.log = [];
	const accepting = graph => `
		import { value } from "./shared.js";
		${graph.test}.log.push("accepting 0");
		import.meta.hot.decline();
		import.meta.hot.accept("./shared.js", () => ${graph.test}.log.push("accepting handler"));
	`;
	g.module("shared.js", valueSource(g, "shared", 1));
	g.module("accepting.js", accepting(g));
	g.module("plain.js", `
		import { value } from "./shared.js";
		${g.test}.log.push("plain 0");
	`);
	g.module("main.js", recorder(g, "main 0", [ "./accepting.js", "./plain.js" ]));
	await g.main("main.js");
	log.length = 0;
	const unaccepted = await update(g.version("shared.js", 1, valueSource(g, "shared", 2)));
	t.is(unaccepted.length, 1);
	t.regex(unaccepted[0], /^The update was not accepted/);
	t.notRegex(unaccepted[0], /accepting\.js/);
	t.deepEqual(log, []);

	const h = createGraph();
	h.values.log = log;
	h.module("shared.js", valueSource(h, "shared", 1));
	h.module("accepting.js", accepting(h));
	h.module("main.js", recorder(h, "main 0", [ "./accepting.js" ]));
	await h.main("main.js");
	log.length = 0;
	const accepted = await update(h.version("shared.js", 1, valueSource(h, "shared", 2)));
	t.deepEqual(counts(accepted), [ 1, 0 ]);
	t.deepEqual(log, [ "shared 2", "accepting handler" ]);
});
