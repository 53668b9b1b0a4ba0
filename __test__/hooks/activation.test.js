// Turning dynohot on, in a real node process: `dynohot/register`, `dynohot` (activates by
// itself unless `register()` ran first), `register(options)` from a setup file, and the seed's
// `module.register("dynohot/loader", { data })`. An entry that is not a hot ES module runs as
// usual, with one notice; nothing else is printed (no warnings) on any Node version.
import test from "ava";
import { execFile } from "node:child_process";
import * as fs from "node:fs/promises";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { testNode } from "../harness/environment.js";

const dist = new URL("../../dist/", import.meta.url);
const registerURL = new URL("register.js", dist).href;
const indexURL = new URL("index.js", dist).href;
const loaderURL = new URL("loader.js", dist).href;

async function project(t, files) {
	const root = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), "dynohot-activation-")));
	t.teardown(() => fs.rm(root, { recursive: true, force: true }));
	await fs.writeFile(path.join(root, "package.json"), JSON.stringify({ type: "module" }));
	for (const [ name, content ] of Object.entries(files)) {
		await fs.writeFile(path.join(root, name), content);
	}
	return root;
}

async function run(root, args) {
	const { stdout, stderr } = await promisify(execFile)(testNode(), args, { cwd: root });
	return { stdout, stderr };
}

const notice = file => `[hot] Hot reloading is disabled for ${file}: it is not a hot ES module.\n`;

test("dynohot/register: a CommonJS entry runs as usual, with one notice", async t => {
	const root = await project(t, { "main.cjs": "console.log('ran', typeof require);" });
	const { stdout, stderr } = await run(root, [ "--import", registerURL, "main.cjs" ]);
	t.is(stdout, "ran function\n");
	t.is(stderr, notice("main.cjs"));
});

test("dynohot: activates by itself", async t => {
	const root = await project(t, { "main.cjs": "console.log('ran');" });
	const { stdout, stderr } = await run(root, [ "--import", indexURL, "main.cjs" ]);
	t.is(stdout, "ran\n");
	t.is(stderr, notice("main.cjs"));
});

test("register(options) from a setup file chooses the options, once", async t => {
	const root = await project(t, {
		"setup.js": `import { register } from ${JSON.stringify(indexURL)};\nregister({ silent: true });\n`,
		"main.cjs": "console.log('ran');",
	});
	const { stdout, stderr } = await run(root, [ "--import", "./setup.js", "main.cjs" ]);
	t.is(stdout, "ran\n");
	t.is(stderr, "", "silent, and no second activation");
});

test("register() twice is an error", async t => {
	const root = await project(t, {
		"setup.js": [
			`import { register } from ${JSON.stringify(indexURL)};`,
			"register({ silent: true });",
			"try { register(); } catch (error) { console.log(error.message); }",
		].join("\n"),
		"main.cjs": "",
	});
	const { stdout } = await run(root, [ "--import", "./setup.js", "main.cjs" ]);
	t.is(stdout, "dynohot: hot reloading is already active\n");
});

test("module.register('dynohot/loader', { data }) passes ignore and silent", async t => {
	const root = await project(t, {
		"loud.js": `import { register } from "node:module";\nregister(${JSON.stringify(loaderURL)}, { parentURL: import.meta.url, data: { ignore: /main/ } });\n`,
		"quiet.js": `import { register } from "node:module";\nregister(${JSON.stringify(loaderURL)}, { parentURL: import.meta.url, data: { ignore: /main/, silent: true } });\n`,
		"main.js": "console.log('ran', typeof import.meta.hot);",
	});
	const loud = await run(root, [ "--no-deprecation", "--import", "./loud.js", "main.js" ]);
	t.is(loud.stdout, "ran undefined\n");
	t.is(loud.stderr, notice("main.js"), "an ignored entry runs natively");
	const quiet = await run(root, [ "--no-deprecation", "--import", "./quiet.js", "main.js" ]);
	t.is(quiet.stdout, "ran undefined\n");
	t.is(quiet.stderr, "");
});
