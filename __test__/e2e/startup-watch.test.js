// Saves made while a module's watch is not set up yet (src/runtime/watch/watcher.ts: watches start on a
// later turn than the module's load, off the start of the application) are still reloaded: each
// file is compared with the signature it had when it loaded once its directory is watched.
// Each save here is made by the application itself, in the same turn of the event loop as the
// module's arrival, so it always lands before the watch on the module's directory exists.
import anyTest from "ava";
import * as fs from "node:fs/promises";
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

test("a module saved right after a dynamic import brings it in is reloaded", async t => {
	const project = await createProject(t, {
		"main.js": [
			'import { writeFileSync } from "node:fs";',
			'const late = await import("./late/late.js");',
			"console.log(`late ${late.value}`);",
			'writeFileSync(new URL("./late/late.js", import.meta.url), "export const value = 22;\\nconsole.log(`evaluated ${value}`);\\nimport.meta.hot.accept();\\n");',
		].join("\n"),
		"late/late.js": "export const value = 1;\nconsole.log(`evaluated ${value}`);\nimport.meta.hot.accept();\n",
	});
	const app = project.start("main.js");
	await app.waitFor("evaluated 1");
	await app.waitFor("late 1");
	await app.waitFor("evaluated 22");
	t.deepEqual(app.takeLines("stdout"), []);
});

test("with --preserve-symlinks, a module imported through a link is reloaded when its target is saved", async t => {
	// The link's directory sees nothing of a save to the target: the watcher watches the link too.
	const project = await createProject(t, {
		"main.js": [
			'import { value } from "./links/dep.js";',
			"console.log(`value ${value}`);",
			'import.meta.hot?.accept("./links/dep.js", () => console.log(`value ${value}`));',
		].join("\n"),
		"real/dep.js": "export const value = 1;\n",
	});
	await fs.mkdir(project.path("links"));
	await fs.symlink(project.path("real/dep.js"), project.path("links/dep.js"));
	const app = project.start("main.js", { nodeOptions: [ "--preserve-symlinks" ] });
	await app.waitFor("value 1");
	await project.edit("real/dep.js", "export const value = 2;\n");
	await app.waitFor("value 2");
	t.deepEqual(app.takeLines("stdout"), []);
});
