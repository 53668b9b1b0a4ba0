import test from "ava";
import { createGraph, exportStar, imp, reexport, reexportStar, star } from "./graph.js";

test("a cycle evaluates dependencies first and calls hoisted functions across it", async t => {
	const g = createGraph();
	const log = [];
	g.define("a.js", { exports: [ "a" ], requests: [ { specifier: "./b.js", bindings: [ imp("b") ] } ] }, function* (meta, dynamicImport, link) {
		let imports;
		link(next => { imports = next; }, { a: () => a });
		yield;
		function a() { return "a"; }
		log.push(`a sees ${imports.b()()}`);
	});
	g.define("b.js", { exports: [ "b" ], requests: [ { specifier: "./a.js", bindings: [ imp("a") ] } ] }, function* (meta, dynamicImport, link) {
		let imports;
		link(next => { imports = next; }, { b: () => b });
		yield;
		function b() { return "b"; }
		log.push(`b sees ${imports.a()()}`);
	});
	await g.main("a.js");
	t.deepEqual(log, [ "b sees a", "a sees b" ]);
});

test("reading a binding of a cycle member that has not run is a TDZ ReferenceError", async t => {
	const g = createGraph();
	g.define("a.js", { exports: [ "value" ], requests: [ { specifier: "./b.js", bindings: [] } ] }, function* (meta, dynamicImport, link) {
		link(() => {}, { value: () => value });
		yield;
		const value = 1;
	});
	g.define("b.js", { requests: [ { specifier: "./a.js", bindings: [ imp("value") ] } ] }, function* (meta, dynamicImport, link) {
		let imports;
		link(next => { imports = next; }, {});
		yield;
		imports.value();
	});
	const error = await t.throwsAsync(g.main("a.js"), { instanceOf: ReferenceError });
	t.is(error.message, "Cannot access 'value' before initialization");
});

test("imports are live bindings", async t => {
	const g = createGraph();
	g.define("counter.js", { exports: [ "count", "increment" ] }, function* (meta, dynamicImport, link) {
		link(() => {}, { count: () => count, increment: () => increment });
		yield;
		let count = 0;
		function increment() { ++count; }
	});
	const seen = [];
	g.define("main.js", { requests: [ { specifier: "./counter.js", bindings: [ imp("count"), imp("increment") ] } ] }, function* (meta, dynamicImport, link) {
		let imports;
		link(next => { imports = next; }, {});
		yield;
		seen.push(imports.count());
		imports.increment()();
		seen.push(imports.count());
	});
	await g.main("main.js");
	t.deepEqual(seen, [ 0, 1 ]);
});

function constant(value) {
	return function* (meta, dynamicImport, link) {
		link(() => {}, { x: () => value, default: () => value });
		yield;
	};
}

test("conflicting star exports are left out of the namespace and a SyntaxError when imported", async t => {
	const g = createGraph();
	g.define("one.js", { exports: [ "x", "default" ] }, constant(1));
	g.define("two.js", { exports: [ "x", "default" ] }, constant(2));
	g.define("both.js", { requests: [ { specifier: "./one.js", bindings: [ exportStar() ] }, { specifier: "./two.js", bindings: [ exportStar() ] } ] }, function* (meta, dynamicImport, link) {
		link(() => {}, {});
		yield;
	});
	g.define("namespace.js", { requests: [ { specifier: "./both.js", bindings: [ star("ns") ] } ] }, function* (meta, dynamicImport, link) {
		let imports;
		link(next => { imports = next; }, {});
		yield;
		t.deepEqual(Object.keys(imports.ns()), []);
		t.false("default" in imports.ns());
	});
	await g.main("namespace.js");
	g.define("named.js", { requests: [ { specifier: "./both.js", bindings: [ imp("x") ] } ] }, function* (meta, dynamicImport, link) {
		link(() => {}, {});
		yield;
	});
	const error = await t.throwsAsync(g.main("named.js"), { instanceOf: SyntaxError });
	t.is(error.message, "The requested module './both.js' contains conflicting star exports for name 'x'");
});

test("local exports shadow star exports, and the same binding through two stars is not ambiguous", async t => {
	const g = createGraph();
	g.define("base.js", { exports: [ "x", "y" ] }, function* (meta, dynamicImport, link) {
		link(() => {}, { x: () => "base x", y: () => "base y" });
		yield;
	});
	g.define("left.js", { requests: [ { specifier: "./base.js", bindings: [ exportStar() ] } ] }, constant(0));
	g.define("right.js", { requests: [ { specifier: "./base.js", bindings: [ exportStar() ] } ] }, constant(0));
	g.define("top.js", {
		exports: [ "x" ],
		requests: [ { specifier: "./left.js", bindings: [ exportStar() ] }, { specifier: "./right.js", bindings: [ exportStar() ] } ],
	}, function* (meta, dynamicImport, link) {
		link(() => {}, { x: () => "top x" });
		yield;
	});
	g.define("main.js", { requests: [ { specifier: "./top.js", bindings: [ star("ns") ] } ] }, function* (meta, dynamicImport, link) {
		let imports;
		link(next => { imports = next; }, {});
		yield;
		t.deepEqual({ ...imports.ns() }, { x: "top x", y: "base y" });
	});
	await g.main("main.js");
});

test("an export that resolves to itself is a SyntaxError naming the cycle", async t => {
	const g = createGraph();
	g.define("self.js", { requests: [ { specifier: "./self.js", bindings: [ reexport("x") ] } ] }, constant(0));
	const error = await t.throwsAsync(g.main("self.js"), { instanceOf: SyntaxError });
	t.is(error.message, "Detected cycle while resolving name 'x' in './self.js'");
});

test("an infinite export * through itself provides nothing", async t => {
	const g = createGraph();
	g.define("loop.js", { requests: [ { specifier: "./loop.js", bindings: [ exportStar() ] } ] }, constant(0));
	g.define("main.js", { requests: [ { specifier: "./loop.js", bindings: [ imp("y") ] } ] }, constant(0));
	const error = await t.throwsAsync(g.main("main.js"), { instanceOf: SyntaxError });
	t.is(error.message, "The requested module './loop.js' does not provide an export named 'y'");
});

test("a missing export deep in a re-export chain names the deepest request", async t => {
	const g = createGraph();
	g.define("leaf.js", { exports: [ "a" ] }, constant(0));
	g.define("middle.js", { requests: [ { specifier: "./leaf.js", bindings: [ reexport("b") ] } ] }, constant(0));
	g.define("main.js", { requests: [ { specifier: "./middle.js", bindings: [ imp("b") ] } ] }, constant(0));
	const error = await t.throwsAsync(g.main("main.js"), { instanceOf: SyntaxError });
	t.is(error.message, "The requested module './leaf.js' does not provide an export named 'b'");
});

test("export * as ns of a re-exporting module, and export * never re-exports default", async t => {
	const g = createGraph();
	g.define("leaf.js", { exports: [ "a", "default" ] }, function* (meta, dynamicImport, link) {
		link(() => {}, { a: () => "a", default: () => "leaf default" });
		yield;
	});
	g.define("middle.js", { requests: [ { specifier: "./leaf.js", bindings: [ exportStar(), reexport("a", "renamed") ] } ] }, constant(0));
	g.define("outer.js", { requests: [ { specifier: "./middle.js", bindings: [ reexportStar("ns") ] } ] }, constant(0));
	g.define("main.js", { requests: [ { specifier: "./outer.js", bindings: [ imp("ns") ] } ] }, function* (meta, dynamicImport, link) {
		let imports;
		link(next => { imports = next; }, {});
		yield;
		t.deepEqual(Reflect.ownKeys(imports.ns()), [ "a", "renamed", Symbol.toStringTag ]);
		t.is(imports.ns().renamed, "a");
	});
	await g.main("main.js");
});

test("export * from an adapter re-exports its names except default", async t => {
	const g = createGraph();
	const cjs = Object.freeze(Object.assign(Object.create(null), { default: { named: 1 }, named: 1, "module.exports": { named: 1 } }));
	g.define("barrel.js", { requests: [ { specifier: "cjs", adapter: cjs, bindings: [ exportStar() ] } ] }, constant(0));
	g.define("main.js", { requests: [ { specifier: "./barrel.js", bindings: [ star("ns") ] } ] }, function* (meta, dynamicImport, link) {
		let imports;
		link(next => { imports = next; }, {});
		yield;
		t.deepEqual(Object.keys(imports.ns()), [ "module.exports", "named" ]);
	});
	await g.main("main.js");
});

test("namespace objects behave as module namespace exotic objects", async t => {
	const g = createGraph();
	g.define("m.js", { exports: [ "b", "a", "late" ] }, function* (meta, dynamicImport, link) {
		link(() => {}, { b: () => b, a: () => a, late: () => late });
		yield;
		var a = 1;
		let b = 2;
		yield* [];
		let late = 3;
	});
	let namespace;
	g.define("main.js", { requests: [ { specifier: "./m.js", bindings: [ star("ns") ] } ] }, function* (meta, dynamicImport, link) {
		let imports;
		link(next => { imports = next; }, {});
		yield;
		namespace = imports.ns();
	});
	await g.main("main.js");
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
	let namespace;
	g.define("a.js", { exports: [ "late" ], requests: [ { specifier: "./b.js", bindings: [] } ] }, function* (meta, dynamicImport, link) {
		link(() => {}, { late: () => late });
		yield;
		const late = 1;
	});
	g.define("b.js", { requests: [ { specifier: "./a.js", bindings: [ star("a") ] } ] }, function* (meta, dynamicImport, link) {
		let imports;
		link(next => { imports = next; }, {});
		yield;
		namespace = imports.a();
		t.throws(() => namespace.late, { instanceOf: ReferenceError });
		t.throws(() => Object.getOwnPropertyDescriptor(namespace, "late"), { instanceOf: ReferenceError });
		t.true("late" in namespace);
		t.throws(() => Object.keys(namespace), { instanceOf: ReferenceError });
		t.deepEqual(Reflect.ownKeys(namespace), [ "late", Symbol.toStringTag ]);
	});
	await g.main("a.js");
	t.is(namespace.late, 1);
});
