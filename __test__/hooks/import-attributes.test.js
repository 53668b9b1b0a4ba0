// Import attributes in the code dynohot generates (adapters, re-exports): `with { … }` where Node
// parses it (20.10+), `assert { … }` on Node 20.6–20.9, which parse only that. These run on
// `testNode()`, so `DYNOHOT_TEST_NODE=<node 20.6>` checks the old spelling end to end.
import test from "ava";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { createProject, testNode } from "../harness/index.js";

const adapterModule = new URL("../../dist/hooks/adapter.js", import.meta.url).href;

async function testNodeVersion() {
	const { stdout } = await promisify(execFile)(testNode(), [ "--version" ]);
	const [ major, minor ] = stdout.trim().slice(1).split(".").map(Number);
	return { major, minor };
}

test("an adapter with attributes parses on the Node that runs it; no clause without attributes", async t => {
	const { major, minor } = await testNodeVersion();
	const keyword = major > 20 || minor >= 10 ? "with" : "assert";
	const project = await createProject(t, {
		"make.js": [
			`import { makeAdapter } from ${JSON.stringify(adapterModule)};`,
			"import { writeFileSync } from 'node:fs';",
			"writeFileSync('json.mjs', makeAdapter('file:///app/data.json', { type: 'json' }));",
			"writeFileSync('plain.mjs', makeAdapter('file:///app/legacy.cjs', {}));",
			"",
		].join("\n"),
	});
	const make = project.start("make.js", { hot: false, keepAlive: false });
	await make.waitForExit();
	const json = await project.read("json.mjs");
	t.true(json.includes(`import * as namespace from "file:///app/data.json" ${keyword} { "type": "json" };`), json);
	t.true((await project.read("plain.mjs")).includes('import * as namespace from "file:///app/legacy.cjs";'));
	for (const file of [ "json.mjs", "plain.mjs" ]) {
		await t.notThrowsAsync(promisify(execFile)(testNode(), [ "--check", project.path(file) ]), file);
	}
});

// Node 20.6–20.9 warn about the old spelling and about JSON modules whenever a JSON module is
// imported, as they do for the application's own import without dynohot.
const nodeWarning = /^\(node:\d+\) ExperimentalWarning: (?:Import assertions|Importing JSON modules)|^\(Use `node --trace-warnings/;

test("the seed example with JSON imported from a package with type json", async t => {
	const project = await createProject(t, {
		"node_modules/settings/package.json": JSON.stringify({ name: "settings", exports: { "./data.json": "./data.json" } }),
		"node_modules/settings/data.json": '{ "greeting": "hello" }\n',
		"main.js": [
			'import { now } from "./now.js";',
			'import settings from "settings/data.json" with { type: "json" };',
			"console.log(settings.greeting, now);",
			'import.meta.hot.accept("./now.js", () => console.log("accepted", now));',
			"",
		].join("\n"),
		"now.js": "export const now = Date.now();\n",
	});
	const app = project.start("main.js");
	await app.waitFor(/^hello \d+$/);
	await project.touch("now.js");
	await app.waitFor(/^\[hot\] Loaded 1 new module, reevaluated 0 existing modules in \d+ms\.$/, { stream: "stderr" });
	await app.waitFor(/^accepted \d+$/);
	t.deepEqual(app.takeLines("stderr").filter(line => !nodeWarning.test(line)), []);
});
