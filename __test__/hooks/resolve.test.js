// The resolve hook, called directly the way Node calls it, in both hook styles: synchronously
// (as under `module.registerHooks`) and asynchronously (as under `module.register`).
import test from "ava";
import * as fs from "node:fs/promises";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { runAsync, runSync } from "../../dist/hooks/drive.js";
import { createHooks } from "../../dist/hooks/hooks.js";

const ownRuntime = new URL("../../dist/runtime/index.js", import.meta.url).href;

/** A project on disk: a `"type": "module"` package, with a typeless package beside it. */
async function project(t) {
	const root = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), "dynohot-resolve-")));
	t.teardown(() => fs.rm(root, { recursive: true, force: true }));
	const files = {
		"package.json": JSON.stringify({ type: "module" }),
		"main.js": "import './dep.js';",
		"dep.js": "export const dep = 1;",
		"data.json": "{}",
		"legacy.cjs": "module.exports = 1;",
		"node_modules/pkg/index.js": "export default 1;",
		"typeless/package.json": "{}",
		"typeless/esm.js": "export const a = 1;",
		"typeless/tla.js": "await 0;",
		"typeless/cjs.js": "exports.a = 1;",
		"typeless/script": "exports.a = 1;",
	};
	for (const [ name, content ] of Object.entries(files)) {
		await fs.mkdir(path.dirname(path.join(root, name)), { recursive: true });
		await fs.writeFile(path.join(root, name), content);
	}
	return pathToFileURL(`${root}/`).href;
}

// What Node's default resolver answers for these files: the URL, and the format it can tell from
// the extension and the package type (none for a `.js` in a package without `"type"`).
function formatOf(url) {
	if (url.startsWith("node:")) return "builtin";
	if (url.includes("/typeless/")) return url.endsWith(".cjs") ? "commonjs" : null;
	if (/\.(?:m?js)$/.test(url)) return "module";
	if (url.endsWith(".cjs")) return "commonjs";
	if (url.endsWith(".json")) return "json";
	if (url.endsWith(".ts")) return "module-typescript";
	return undefined;
}

function nodeLikeResolve(calls) {
	return (specifier, context) => {
		calls.push({ specifier, context });
		const url = specifier.startsWith("node:") ? specifier : new URL(specifier, context.parentURL).href;
		return { url, format: formatOf(url) };
	};
}

const styles = {
	sync: (hooks, specifier, context, next) => runSync(hooks.resolve(specifier, context, next)),
	async: (hooks, specifier, context, next) => runAsync(hooks.resolve(specifier, context, async (...args) => next(...args))),
};

function context(parentURL, importAttributes = {}) {
	return { conditions: [ "node", "import" ], importAttributes, parentURL };
}

for (const [ style, resolve ] of Object.entries(styles)) {
	test(`${style}: a request for a hot file answers the file's stub, resolved from the importing stub`, async t => {
		const root = await project(t);
		const calls = [];
		const hooks = createHooks({});
		const result = await resolve(hooks, "dynohot:request?specifier=.%2Fdep.js", context(`${root}main.js?dynohot-version=0`), nodeLikeResolve(calls));
		t.deepEqual(result, { url: `${root}dep.js?dynohot-version=0`, format: "module", shortCircuit: true });
		t.is(calls[0].specifier, "./dep.js");
		t.is(calls[0].context.parentURL, `${root}main.js`);
	});

	test(`${style}: a request resolves from its \`parent\` parameter, or from a stub's plain URL`, async t => {
		const root = await project(t);
		const calls = [];
		const hooks = createHooks({});
		const parent = encodeURIComponent(`${root}main.js`);
		await resolve(hooks, `dynohot:request?specifier=.%2Fdep.js&parent=${parent}`, context(ownRuntime), nodeLikeResolve(calls));
		await resolve(hooks, "dynohot:request?specifier=.%2Fdep.js", context(`${root}main.js?dynohot-version=3`), nodeLikeResolve(calls));
		t.deepEqual(calls.map(call => call.context.parentURL), [ `${root}main.js`, `${root}main.js` ]);
	});

	test(`${style}: what is not hot gets an adapter, with the attributes in its URL`, async t => {
		const root = await project(t);
		const hooks = createHooks({});
		const request = async specifier => (await resolve(hooks, specifier, context(`${root}main.js`), nodeLikeResolve([]))).url;
		const adapter = (url, query = "") => `dynohot:adapter?url=${encodeURIComponent(url)}${query}`;
		t.is(await request("dynohot:request?specifier=.%2Flegacy.cjs"), adapter(`${root}legacy.cjs`));
		t.is(await request("dynohot:request?specifier=node%3Afs"), adapter("node:fs"));
		t.is(await request("dynohot:request?specifier=.%2Fnode_modules%2Fpkg%2Findex.js"), adapter(`${root}node_modules/pkg/index.js`));
		t.is(await request("dynohot:request?specifier=.%2Ftypeless%2Fcjs.js"), adapter(`${root}typeless/cjs.js`));
		t.is(await request("dynohot:request?specifier=.%2Ftypeless%2Fscript"), adapter(`${root}typeless/script`));
		// JSON without `type: "json"` is left to Node (which rejects it).
		t.is(await request("dynohot:request?specifier=.%2Fdata.json"), adapter(`${root}data.json`));
		// Any other attribute, too.
		t.is(await request("dynohot:request?specifier=.%2Fdep.js&with=type%3Dcss"), adapter(`${root}dep.js`, "&with=type%3Dcss"));
	});

	test(`${style}: hot are ES modules (also by syntax in a typeless package) and JSON with type json`, async t => {
		const root = await project(t);
		const calls = [];
		const hooks = createHooks({});
		const request = async specifier => (await resolve(hooks, specifier, context(`${root}main.js`), nodeLikeResolve(calls))).url;
		t.is(await request("dynohot:request?specifier=.%2Fdata.json&with=type%3Djson"), `${root}data.json?dynohot-version=0`);
		t.deepEqual(calls[0].context.importAttributes, { type: "json" });
		t.is(await request("dynohot:request?specifier=.%2Ftypeless%2Fesm.js"), `${root}typeless/esm.js?dynohot-version=0`);
		t.is(await request("dynohot:request?specifier=.%2Ftypeless%2Ftla.js"), `${root}typeless/tla.js?dynohot-version=0`);
		t.is(await request("dynohot:request?specifier=.%2Fnot-there.ts"), `${root}not-there.ts?dynohot-version=0`);
	});

	test(`${style}: \`ignore\` is tested against the plain file URL`, async t => {
		const root = await project(t);
		const seen = [];
		const ignore = { test: url => { seen.push(url); return url.endsWith("/dep.js"); }, lastIndex: 0 };
		const hooks = createHooks({ ignore });
		const result = await resolve(hooks, "dynohot:request?specifier=.%2Fdep.js", context(`${root}main.js`), nodeLikeResolve([]));
		t.is(result.url, `dynohot:adapter?url=${encodeURIComponent(`${root}dep.js`)}`);
		t.deepEqual(seen, [ `${root}dep.js` ]);
	});

	test(`${style}: the entry, importers outside the hot graph and \`import.meta.resolve\` get the plain URL`, async t => {
		const root = await project(t);
		const hooks = createHooks({ silent: true });
		const entry = await resolve(hooks, `${root}main.js`, context(undefined), nodeLikeResolve([]));
		t.deepEqual(entry, { url: `${root}main.js`, format: "module" });
		const outside = await resolve(hooks, "../../dep.js", context(`${root}node_modules/pkg/index.js`), nodeLikeResolve([]));
		t.deepEqual(outside, { url: `${root}dep.js`, format: "module" });
		// A facade importing its stub, and the runtime loading a version through the hooks.
		const stub = await resolve(hooks, `${root}dep.js?dynohot-version=0`, context(`${root}dep.js`), nodeLikeResolve([]));
		t.is(stub.url, `${root}dep.js?dynohot-version=0`);
		t.is((await resolve(hooks, "./legacy.cjs", context(`${root}dep.js`), nodeLikeResolve([]))).url, `${root}legacy.cjs`);
		t.is((await resolve(hooks, ownRuntime, context(`${root}dep.js`), nodeLikeResolve([]))).url, ownRuntime);
	});

	test(`${style}: a re-export in a bindings module answers the target's bindings module, or the target when it is not hot`, async t => {
		const root = await project(t);
		const hooks = createHooks({});
		const parent = encodeURIComponent(`${root}main.js`);
		const request = async query => (await resolve(hooks, `dynohot:bindings-request?${query}&parent=${parent}`, context("dynohot:bindings?url=x"), nodeLikeResolve([]))).url;
		t.is(await request("specifier=.%2Fdep.js"), `dynohot:bindings?url=${encodeURIComponent(`${root}dep.js`)}`);
		t.is(await request("specifier=.%2Flegacy.cjs"), `${root}legacy.cjs`);
		t.is(await request("specifier=.%2Fdata.json&with=type%3Djson"), `dynohot:bindings?url=${encodeURIComponent(`${root}data.json`)}`);
		// Not hot, with attributes: a module re-exporting the target with them.
		t.is(await request("specifier=.%2Fnode_modules%2Fpkg%2Findex.js&with=type%3Djson"),
			`dynohot:default?url=${encodeURIComponent(`${root}node_modules/pkg/index.js`)}&with=type%3Djson`);
	});

	test(`${style}: dynohot:resolve answers what Node answers, never rewritten; versions pass through`, async t => {
		const root = await project(t);
		const hooks = createHooks({});
		const parent = encodeURIComponent(`${root}main.js`);
		const resolved = await resolve(hooks, `dynohot:resolve?specifier=.%2Flegacy.cjs&parent=${parent}`, context(ownRuntime), nodeLikeResolve([]));
		t.is(resolved.url, `${root}legacy.cjs`);
		const hot = await resolve(hooks, `dynohot:resolve?specifier=.%2Fdep.js&parent=${parent}`, context(ownRuntime), nodeLikeResolve([]));
		t.is(hot.url, `${root}dep.js`);
		const version = await resolve(hooks, `${root}dep.js?dynohot-version=2`, context(ownRuntime), nodeLikeResolve([]));
		t.is(version.url, `${root}dep.js?dynohot-version=2`);
	});

	test(`${style}: a failing resolution is the importer's error`, async t => {
		const hooks = createHooks({});
		const failing = () => {
			throw Object.assign(new Error("Cannot find module"), { code: "ERR_MODULE_NOT_FOUND" });
		};
		const error = await t.throwsAsync(async () => resolve(hooks, "dynohot:request?specifier=.%2Fmissing.js", context("file:///x/main.js"), failing));
		t.is(error.code, "ERR_MODULE_NOT_FOUND");
	});
}
