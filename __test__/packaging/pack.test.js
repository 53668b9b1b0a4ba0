// The package as users get it: `npm pack` of dynohot and of its linux-x64-gnu binary package,
// installed into a new project outside the repository, run with no Rust toolchain on PATH, and
// hot-updated the way a user would.
import test from "ava";
import { execFile } from "node:child_process";
import * as fs from "node:fs/promises";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { Project, checkRegistrationForm, registrationForms, registrationProject, repositoryRoot, testNode } from "../harness/index.js";

const run = promisify(execFile);
const platform = "linux-x64-gnu";
const npmCli = await fs.realpath(process.env.npm_execpath && process.env.npm_execpath.endsWith(".js")
	? process.env.npm_execpath
	: path.join(path.dirname(process.execPath), "..", "lib", "node_modules", "npm", "bin", "npm-cli.js"));

/**
 * `npm pack` of a package directory into `destination`; returns the tarball's file name and the
 * files it holds.
 * @param {string} directory
 * @param {string} destination
 */
async function pack(directory, destination) {
	const { stdout } = await run(process.execPath, [ npmCli, "pack", "--json", "--pack-destination", destination, directory ], { cwd: repositoryRoot });
	const [ result ] = JSON.parse(stdout);
	return { tarball: String(result.filename), files: result.files.map((/** @type {{ path: string }} */ file) => file.path) };
}

test.serial(`the packed package and its ${platform} binary install and hot-reload without Rust or the repository, however dynohot is turned on`, async t => {
	if (process.platform !== "linux" || process.arch !== "x64") {
		t.fail(`this test packs the ${platform} binary and needs a linux x64 machine`);
		return;
	}
	const scratch = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), "dynohot-pack-")));
	t.teardown(() => fs.rm(scratch, { recursive: true, force: true }));

	// The binary built in this checkout goes into its platform package, as the release does.
	await run(process.execPath, [ path.join(repositoryRoot, "scripts", "stage-native.js"), "--require", platform ], { cwd: repositoryRoot });
	const main = await pack(repositoryRoot, scratch);
	const binding = await pack(path.join(repositoryRoot, "npm", platform), scratch);

	for (const file of [ "package.json", "README.md", "import-meta.d.ts", "dist/index.js", "dist/index.d.ts", "dist/register.js", "dist/loader.js", "dist/transform/index.js", "dist/cli/index.js" ]) {
		t.true(main.files.includes(file), `${file} is in the package`);
	}
	t.deepEqual(main.files.filter((/** @type {string} */ file) => /^(src|crates|npm|__test__|scripts|examples|benchmark)\/|\.(node|map|rs)$/.test(file)), [], "sources, tests and binaries stay out of the main package");
	t.deepEqual(binding.files.sort(), [ `dynohot.${platform}.node`, "package.json" ]);

	// A user's project: only the two tarballs (copied in) and npm's registry for chokidar. PATH
	// holds nothing but node, so neither cargo nor rustc nor the repository's tools can be used.
	const project = new Project(path.join(scratch, "app"));
	await project.write("package.json", JSON.stringify({ name: "user-app", private: true, type: "module" }));
	await project.write("main.js", [
		'import { greeting } from "./greeting.js";',
		"console.log(greeting);",
		'import.meta.hot.accept("./greeting.js", () => console.log(greeting));',
	].join("\n"));
	await project.write("greeting.js", 'export const greeting = "hello";\n');
	for (const { tarball } of [ main, binding ]) {
		await fs.rename(path.join(scratch, tarball), project.path(tarball));
	}
	const bin = path.join(scratch, "bin");
	await fs.mkdir(bin);
	await fs.symlink(testNode(), path.join(bin, "node"));
	const userEnv = { ...process.env, PATH: bin, CARGO_HOME: path.join(scratch, "no-cargo"), RUSTUP_HOME: path.join(scratch, "no-rustup") };
	await run(path.join(bin, "node"), [ npmCli, "install", "--no-audit", "--no-fund", "--prefer-offline", `./${main.tarball}`, `./${binding.tarball}` ], { cwd: project.directory, env: userEnv });

	const app = project.start("main.js", { hot: false, nodeOptions: [ "--enable-source-maps", "--import", "dynohot/register" ], env: { PATH: bin } });
	t.teardown(() => app.stop());
	await app.waitFor("hello");
	await project.edit("greeting.js", 'export const greeting = "hello again";\n');
	await app.waitFor(/^\[hot\] Loaded 1 new module, reevaluated 0 existing modules in \d+ms\.$/, { stream: "stderr" });
	await app.waitFor("hello again");
	t.deepEqual(app.takeLines("stderr"), [], app.output());
	await app.stop();

	// The `dynohot` command, as npm installs it: an executable in node_modules/.bin.
	const { stdout: version } = await run(project.path("node_modules/.bin/dynohot"), [ "--version" ], { cwd: project.directory, env: { PATH: bin } });
	t.is(version.trim(), JSON.parse(await fs.readFile(path.join(repositoryRoot, "package.json"), "utf8")).version);

	// Every way to turn dynohot on, with `ignore` patterns that leave node_modules to the project:
	// chokidar, which npm installed beside dynohot in the project's node_modules, stays cold.
	for (const [ file, content ] of Object.entries(registrationProject)) {
		await project.write(file, content);
	}
	for (const form of registrationForms) {
		await checkRegistrationForm(t, project, form, { PATH: bin });
	}
});
