// An entry started through a symbolic link (`bin/app.js` → `src/main.js`), with and without
// Node's flags that keep the link's path. With `--preserve-symlinks-main` the entry's URL is the
// link's while every other URL Node resolves is the real path: the entry must still load as a hot
// module, and saves to the real file must reload it.
import anyTest from "ava";
import * as fs from "node:fs/promises";
import { createProject, queuedTest } from "../harness/index.js";

const test = queuedTest(anyTest);

/**
 * The entry, printing its own URL relative to the project (`bin/app.js` when Node kept the link's
 * path, `src/main.js` otherwise). `../src/dep.js` resolves to the same file from either folder.
 * @param {string} label
 */
const main = label => [
	'import { value } from "../src/dep.js";',
	`console.log(\`${label} \${import.meta.url.slice(new URL("../", import.meta.url).href.length)} value \${value}\`);`,
	"import.meta.hot?.accept();",
].join("\n");

/**
 * @param {string[]} nodeOptions
 * @param {string} entryURL what the entry's `import.meta.url` is under these flags, relative to the project
 */
function symlinkedEntry(nodeOptions, entryURL) {
	const flags = nodeOptions.length === 0 ? "no flags" : nodeOptions.join(" ");
	test(`an entry started through a symlink (${flags}) is hot, and saves to its target reload it`, async t => {
		const project = await createProject(t, {
			"src/main.js": main("main"),
			"src/dep.js": "export const value = 1;\n",
		});
		await fs.mkdir(project.path("bin"));
		await fs.symlink(project.path("src/main.js"), project.path("bin/app.js"));

		// The baseline: plain node runs the project under these flags.
		const native = project.start("bin/app.js", { hot: false, keepAlive: false, nodeOptions });
		const nativeExit = await native.waitForExit();
		t.deepEqual(native.lines.stdout, [ `main ${entryURL} value 1` ], native.output());
		t.is(nativeExit.code, 0, native.output());

		const app = project.start("bin/app.js", { nodeOptions });
		await app.waitFor(`main ${entryURL} value 1`);
		// The entry itself, saved at its real path.
		await project.edit("src/main.js", main("edited"));
		await app.waitFor(/^\[hot\] Loaded 1 new module, reevaluated 0 existing modules in \d+ms\.$/, { stream: "stderr" });
		await app.waitFor(`edited ${entryURL} value 1`);
		// A dependency: the entry accepts itself, so it is evaluated again.
		await project.edit("src/dep.js", "export const value = 2;\n");
		await app.waitFor(/^\[hot\] Loaded 1 new module, reevaluated 1 existing module in \d+ms\.$/, { stream: "stderr" });
		await app.waitFor(`edited ${entryURL} value 2`);
		t.deepEqual(app.takeLines("stdout"), [], app.output());
		t.deepEqual(app.takeLines("stderr"), [], app.output());
	});
}

symlinkedEntry([], "src/main.js");
symlinkedEntry([ "--preserve-symlinks-main" ], "bin/app.js");
symlinkedEntry([ "--preserve-symlinks", "--preserve-symlinks-main" ], "bin/app.js");
