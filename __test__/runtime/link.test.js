import test from "ava";
import { createGraph } from "./graph.js";

test("a cycle evaluates dependencies first and calls hoisted functions across it", async t => {
	const g = createGraph();
	const log = g.values.log = [];
	g.module("a.js", `
		import { b } from "./b.js";
		export function a() { return "a"; }
		${g.test}.log.push("a sees " + b());
	`);
	g.module("b.js", `
		import { a } from "./a.js";
		export function b() { return "b"; }
		${g.test}.log.push("b sees " + a());
	`);
	await g.main("a.js");
	t.deepEqual(log, [ "b sees a", "a sees b" ]);
});

test("reading a binding of a cycle member that has not run is a TDZ ReferenceError", async t => {
	const g = createGraph();
	g.module("a.js", `
		import "./b.js";
		export const value = 1;
	`);
	g.module("b.js", `
		import { value } from "./a.js";
		value;
	`);
	const error = await t.throwsAsync(g.main("a.js"), { instanceOf: ReferenceError });
	t.is(error.message, "Cannot access 'value' before initialization");
});

test("imports are live bindings", async t => {
	const g = createGraph();
	g.module("counter.js", `
		export let count = 0;
		export function increment() { ++count; }
	`);
	const seen = g.values.seen = [];
	g.module("main.js", `
		import { count, increment } from "./counter.js";
		${g.test}.seen.push(count);
		increment();
		${g.test}.seen.push(count);
	`);
	await g.main("main.js");
	t.deepEqual(seen, [ 0, 1 ]);
});

test("conflicting star exports are left out of the namespace and a SyntaxError when imported", async t => {
	const g = createGraph();
	g.module("one.js", "export const x = 1; export default 1;");
	g.module("two.js", "export const x = 2; export default 2;");
	g.module("both.js", `
		export * from "./one.js";
		export * from "./two.js";
	`);
	g.module("namespace.js", `
		import * as ns from "./both.js";
		${g.test}.namespace = ns;
	`);
	await g.main("namespace.js");
	t.deepEqual(Object.keys(g.values.namespace), []);
	t.false("default" in g.values.namespace);
	g.module("named.js", "import { x } from \"./both.js\";");
	const error = await t.throwsAsync(g.main("named.js"), { instanceOf: SyntaxError });
	t.is(error.message, "The requested module './both.js' contains conflicting star exports for name 'x'");
});

test("local exports shadow star exports, and the same binding through two stars is not ambiguous", async t => {
	const g = createGraph();
	g.module("base.js", "export const x = \"base x\", y = \"base y\";");
	g.module("left.js", "export * from \"./base.js\";");
	g.module("right.js", "export * from \"./base.js\";");
	g.module("top.js", `
		export * from "./left.js";
		export * from "./right.js";
		export const x = "top x";
	`);
	g.module("main.js", `
		import * as ns from "./top.js";
		${g.test}.namespace = ns;
	`);
	await g.main("main.js");
	t.deepEqual({ ...g.values.namespace }, { x: "top x", y: "base y" });
});

test("an export that resolves to itself is a SyntaxError naming the cycle", async t => {
	const g = createGraph();
	g.module("self.js", "export { x } from \"./self.js\";");
	const error = await t.throwsAsync(g.main("self.js"), { instanceOf: SyntaxError });
	t.is(error.message, "Detected cycle while resolving name 'x' in './self.js'");
});

test("an infinite export * through itself provides nothing", async t => {
	const g = createGraph();
	g.module("loop.js", "export * from \"./loop.js\";");
	g.module("main.js", "import { y } from \"./loop.js\";");
	const error = await t.throwsAsync(g.main("main.js"), { instanceOf: SyntaxError });
	t.is(error.message, "The requested module './loop.js' does not provide an export named 'y'");
});

test("a missing export deep in a re-export chain names the deepest request", async t => {
	const g = createGraph();
	g.module("leaf.js", "export const a = 0;");
	g.module("middle.js", "export { b } from \"./leaf.js\";");
	g.module("main.js", "import { b } from \"./middle.js\";");
	const error = await t.throwsAsync(g.main("main.js"), { instanceOf: SyntaxError });
	t.is(error.message, "The requested module './leaf.js' does not provide an export named 'b'");
});

test("export * as ns of a re-exporting module, and export * never re-exports default", async t => {
	const g = createGraph();
	g.module("leaf.js", `
		export const a = "a";
		export default "leaf default";
	`);
	g.module("middle.js", `
		export * from "./leaf.js";
		export { a as renamed } from "./leaf.js";
	`);
	g.module("outer.js", "export * as ns from \"./middle.js\";");
	g.module("main.js", `
		import { ns } from "./outer.js";
		${g.test}.namespace = ns;
	`);
	await g.main("main.js");
	t.deepEqual(Reflect.ownKeys(g.values.namespace), [ "a", "renamed", Symbol.toStringTag ]);
	t.is(g.values.namespace.renamed, "a");
});

test("export * from an adapter re-exports its names except default", async t => {
	const g = createGraph();
	g.adapter("cjs", Object.freeze(Object.assign(Object.create(null), { default: { named: 1 }, named: 1, "module.exports": { named: 1 } })));
	g.module("barrel.js", "export * from \"cjs\";");
	g.module("main.js", `
		import * as ns from "./barrel.js";
		${g.test}.namespace = ns;
	`);
	await g.main("main.js");
	t.deepEqual(Object.keys(g.values.namespace), [ "module.exports", "named" ]);
});

test("namespace objects behave as module namespace exotic objects", async t => {
	const g = createGraph();
	g.module("m.js", `
		var a = 1;
		let b = 2;
		let late = 3;
		export { b, a, late };
	`);
	g.module("main.js", `
		import * as ns from "./m.js";
		${g.test}.namespace = ns;
	`);
	await g.main("main.js");
	const { namespace } = g.values;
	t.is(Object.getPrototypeOf(namespace), null);
	t.is(namespace[Symbol.toStringTag], "Module");
	t.is(Object.prototype.toString.call(namespace), "[object Module]");
	t.deepEqual(Reflect.ownKeys(namespace), [ "a", "b", "late", Symbol.toStringTag ]);
	t.false(Object.isExtensible(namespace));
	t.deepEqual(Object.getOwnPropertyDescriptor(namespace, "a"), { value: 1, writable: true, enumerable: true, configurable: false });
	t.throws(() => { "use strict"; namespace.a = 2; }, { instanceOf: TypeError });
	t.false(Reflect.set(namespace, "a", 2));
	t.false(Reflect.deleteProperty(namespace, "a"));
	t.true(Reflect.deleteProperty(namespace, "missing"));
	t.true(Reflect.defineProperty(namespace, "a", { value: 1 }));
	t.false(Reflect.defineProperty(namespace, "a", { value: 2 }));
	t.false(Reflect.defineProperty(namespace, "a", { value: 1, enumerable: false }));
	t.false(Reflect.defineProperty(namespace, "missing", { value: 1 }));
	t.true(Reflect.setPrototypeOf(namespace, null));
	t.false(Reflect.setPrototypeOf(namespace, {}));
	t.true("a" in namespace);
	t.false("missing" in namespace);
	t.is(namespace.missing, undefined);
	t.is(namespace.late, 3);
});

test("a namespace property in its TDZ throws on access and on getOwnPropertyDescriptor", async t => {
	const g = createGraph();
	// Called by b.js while a.js, which it imports in a cycle, has not run yet.
	g.values.beforeAHasRun = namespace => {
		t.throws(() => namespace.late, { instanceOf: ReferenceError });
		t.throws(() => Object.getOwnPropertyDescriptor(namespace, "late"), { instanceOf: ReferenceError });
		t.true("late" in namespace);
		t.throws(() => Object.keys(namespace), { instanceOf: ReferenceError });
		t.deepEqual(Reflect.ownKeys(namespace), [ "late", Symbol.toStringTag ]);
		g.values.namespace = namespace;
	};
	g.module("a.js", `
		import "./b.js";
		export const late = 1;
	`);
	g.module("b.js", `
		import * as a from "./a.js";
		${g.test}.beforeAHasRun(a);
	`);
	await g.main("a.js");
	t.is(g.values.namespace.late, 1);
});
