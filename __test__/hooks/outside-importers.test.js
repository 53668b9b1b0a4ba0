// A hot module seen from outside the hot graph: a package importing it by absolute URL, a
// `require()` of it, `import.meta.resolve` in a module that is not hot, and a JSON file imported
// with and without `type: "json"`. Each application runs twice, under plain node and under
// dynohot, and must print the same; then an edit must reach the importer outside the graph.
import test from "ava";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { createProject, testNode } from "../harness/index.js";

// Node 20.6–20.9 parse only the old spelling of import attributes (plain node runs this too).
const { stdout: version } = await promisify(execFile)(testNode(), [ "--version" ]);
const [ major, minor ] = version.trim().slice(1).split(".").map(Number);
const keyword = major > 20 || minor >= 10 ? "with" : "assert";

// Node 20.6–20.9 warn whenever a JSON module is imported, with dynohot or without.
const nodeWarning = /^\(node:\d+\) ExperimentalWarning: (?:Import assertions|Importing JSON modules)|^\(Use `node --trace-warnings/;

const files = {
	"node_modules/pkg/package.json": JSON.stringify({ name: "pkg", type: "module", exports: "./index.js" }),
	"node_modules/pkg/index.js": [
		"export const load = url => import(url);",
		"export const where = specifier => import.meta.resolve(specifier);",
		"export const loadJSON = url => import(url).then(() => 'loaded', error => error.code);",
		"",
	].join("\n"),
	"lib.js": [
		'export * from "./a.js";',
		'export * from "./b.js";',
		'export { x as renamed } from "./a.js";',
		'export * as nsA from "./a.js";',
		'export * from "./legacy.cjs";',
		'export const version = "first";',
		'export default "default export";',
		"import.meta.hot?.accept();",
		"",
	].join("\n"),
	"a.js": 'export const x = 1, shared = "a";\n',
	"b.js": 'export const y = 2, shared = "b";\n',
	"legacy.cjs": "exports.fromCommonJS = 3;\n",
	"sync.js": "export const z = 5;\n",
	"data.json": '{ "value": 7 }\n',
	"main.js": [
		'import { createRequire } from "node:module";',
		'import { load, where, loadJSON } from "pkg";',
		'import { z } from "./sync.js";',
		`import data from "./data.json" ${keyword} { type: "json" };`,
		'const url = new URL("./lib.js", import.meta.url).href;',
		"const lib = await load(url);",
		"console.log(JSON.stringify(Object.keys(lib)), lib.default, lib.x, lib.y, lib.renamed, lib.nsA.x, lib.fromCommonJS, lib.version);",
		"console.log('resolve', where(url) === url, where('../../sync.js') === new URL('./sync.js', import.meta.url).href);",
		"try {",
		"	console.log('require', createRequire(import.meta.url)('./sync.js').z, z);",
		"} catch (error) {",
		"	console.log('require', error.code);",
		"}",
		"console.log('json', data.value, await loadJSON(new URL('./data.json', import.meta.url).href));",
		"console.log('json again', await import('./data.json').then(() => 'loaded', error => error.code));",
		"if (process.env.FOLLOW) {",
		"	// The importer outside the graph holds native bindings: they follow the running instance.",
		"	let seen = lib.version;",
		"	setInterval(() => { if (lib.version !== seen) { seen = lib.version; console.log('version', seen); } }, 20);",
		"}",
		"",
	].join("\n"),
};

test("importers outside the hot graph see what they see under plain node, and edits reach them", async t => {
	const project = await createProject(t, files);
	const native = project.start("main.js", { hot: false, keepAlive: false });
	await native.waitForExit();
	const expected = native.takeLines("stdout");
	t.is(expected.length, 5, native.output());
	// Star exports as Node resolves them: the ambiguous `shared` is left out, `default` not passed on.
	t.regex(expected[0], /^\["default","fromCommonJS",(?:"module\.exports",)?"nsA","renamed","version","x","y"\] default export 1 2 1 1 3 first$/);

	const hot = project.start("main.js", { env: { FOLLOW: "1" } });
	for (const line of expected) {
		await hot.waitFor(line);
	}
	t.deepEqual(hot.takeLines("stderr").filter(line => !nodeWarning.test(line)), [], "nothing printed at startup");

	await project.edit("lib.js", files["lib.js"].replace('version = "first"', 'version = "second"'));
	await hot.waitFor(/^\[hot\] Loaded 1 new module, reevaluated 0 existing modules in \d+ms\.$/, { stream: "stderr" });
	await hot.waitFor("version second");
});
