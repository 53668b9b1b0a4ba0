// Saves made while a module's watch is not set up yet (src/runtime/watch/watcher.ts: watches start on a
// later turn than the module's load, off the start of the application) are still reloaded: each
// file is compared with the signature it had when it loaded once its directory is watched.
// Each save here is made by the application itself, in the same turn of the event loop as the
// module's arrival, so it always lands before the watch on the module's directory exists. This
// case also reads the saved file back; the others are __test__/behaviour/fixtures/files/.
import anyTest from "ava";
import { createProject, queuedTest } from "../harness/index.js";

const test = queuedTest(anyTest);

test("a dependency saved while the application starts is reloaded", async t => {
	const project = await createProject(t, {
		"main.js": [
			'import { writeFileSync } from "node:fs";',
			'import { value } from "./lib/dep.js";',
			"console.log(`value ${value}`);",
			'import.meta.hot?.accept("./lib/dep.js", () => console.log(`value ${value}`));',
			'writeFileSync(new URL("./lib/dep.js", import.meta.url), "export const value = 22;\\n");',
		].join("\n"),
		"lib/dep.js": "export const value = 1;\n",
	});
	const app = project.start("main.js");
	await app.waitFor("value 1");
	await app.waitFor("value 22");
	t.is(await project.read("lib/dep.js"), "export const value = 22;\n");
	t.deepEqual(app.takeLines("stdout"), []);
});
