// A throw-away project directory for one end-to-end test: files, file changes the watcher sees,
// and applications started in it under dynohot.
import * as fs from "node:fs/promises";
import * as os from "node:os";
import * as path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { App } from "./app.js";
import { registerSpecifier, repositoryRoot, settleDelay, testNode } from "./environment.js";

/**
 * @typedef {object} ProjectOptions
 * @property {string[]} [packages] packages from this repository's node_modules the project may
 *   import (linked into the project's node_modules); `dynohot` itself is always available
 */

/**
 * @typedef {object} StartOptions
 * @property {string[]} [args] arguments after the entry file
 * @property {string[]} [nodeOptions] node flags before `--import`, e.g. `--enable-source-maps`
 * @property {Record<string, string>} [env] extra environment variables
 * @property {boolean} [hot] start with `--import <dynohot>` (default true)
 * @property {boolean} [keepAlive] keep the process running until stopped, even when the
 *   application has nothing left to do (default true)
 */

const keepAliveUrl = new URL("keep-alive.js", import.meta.url).href;
const commandPath = path.join(repositoryRoot, "dist", "cli", "index.js");

/**
 * The environment of an application under test: the test runner's, with `env` on top.
 * @param {Record<string, string>} env
 */
function applicationEnvironment(env) {
	/** @type {NodeJS.ProcessEnv} */
	const childEnv = { ...process.env, NO_COLOR: "1", ...env };
	// The test runner asks for colours for itself; the application's output is compared as text.
	delete childEnv.FORCE_COLOR;
	return childEnv;
}

export class Project {
	/** @param {string} directory */
	constructor(directory) {
		this.directory = directory;
		/** @type {App[]} */
		this.apps = [];
	}

	/**
	 * Creates a project in a new temporary directory: a `package.json` with `"type": "module"`
	 * (unless `files` has its own) and the given files.
	 * @param {Record<string, string | Uint8Array>} files relative path → content
	 * @param {ProjectOptions} [options]
	 */
	static async create(files, { packages = [] } = {}) {
		const directory = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), "dynohot-test-")));
		const project = new Project(directory);
		const manifest = JSON.stringify({ name: "dynohot-test-project", private: true, type: "module" }, null, "\t");
		await project.write("package.json", manifest);
		for (const [ file, content ] of Object.entries(files)) {
			await project.write(file, content);
		}
		await project.link("dynohot", repositoryRoot);
		for (const name of packages) {
			await project.link(name, path.join(repositoryRoot, "node_modules", name));
		}
		return project;
	}

	/**
	 * @param {string} name
	 * @param {string} target
	 */
	async link(name, target) {
		const where = this.path(path.join("node_modules", name));
		await fs.mkdir(path.dirname(where), { recursive: true });
		await fs.symlink(target, where, process.platform === "win32" ? "junction" : "dir");
	}

	/** @param {string} file relative path */
	path(file) {
		return path.join(this.directory, file);
	}

	/**
	 * Writes a file now (setting up, before the watcher matters).
	 * @param {string} file
	 * @param {string | Uint8Array} content
	 */
	async write(file, content) {
		await fs.mkdir(path.dirname(this.path(file)), { recursive: true });
		await fs.writeFile(this.path(file), content);
	}

	/** @param {string} file */
	read(file) {
		return fs.readFile(this.path(file), "utf8");
	}

	/**
	 * Changes a file as an editor saving in place would, after the settle delay.
	 * @param {string} file
	 * @param {string | Uint8Array} content
	 */
	async edit(file, content) {
		await delay(settleDelay);
		await this.write(file, content);
	}

	/**
	 * Saves a file the way editors with "atomic save" do: write a temporary file, rename it over.
	 * @param {string} file
	 * @param {string | Uint8Array} content
	 */
	async editAtomically(file, content) {
		await delay(settleDelay);
		const temporary = `${this.path(file)}.${process.pid}.tmp`;
		await fs.writeFile(temporary, content);
		await fs.rename(temporary, this.path(file));
	}

	/**
	 * Sets a file's access and modification times to now without changing it, like `touch`.
	 * @param {string} file
	 */
	async touch(file) {
		await delay(settleDelay);
		const now = new Date();
		await fs.utimes(this.path(file), now, now);
	}

	/**
	 * @param {string} from
	 * @param {string} to
	 */
	async rename(from, to) {
		await delay(settleDelay);
		await fs.mkdir(path.dirname(this.path(to)), { recursive: true });
		await fs.rename(this.path(from), this.path(to));
	}

	/** @param {string} file */
	async remove(file) {
		await delay(settleDelay);
		await fs.rm(this.path(file), { force: true });
	}

	/**
	 * Starts `node [nodeOptions] [--import keep-alive.js] --import <dynohot> <entry> [args]` in the project directory.
	 * @param {string} [entry]
	 * @param {StartOptions} [options]
	 */
	start(entry = "main.js", { args = [], nodeOptions = [], env = {}, hot = true, keepAlive = true } = {}) {
		const childEnv = applicationEnvironment(env);
		const importFlags = [
			...keepAlive ? [ "--import", keepAliveUrl ] : [],
			...hot ? [ "--import", registerSpecifier() ] : [],
		];
		const app = new App(testNode(), [ ...nodeOptions, ...importFlags, entry, ...args ], { cwd: this.directory, env: childEnv });
		this.apps.push(app);
		return app;
	}

	/**
	 * Starts the `dynohot` command (the package's bin, run by the node under test) in the project
	 * directory: `dynohot [options] <entry> [args]`.
	 * @param {string} [entry]
	 * @param {{ args?: string[], options?: string[], env?: Record<string, string>, stdin?: "ignore" | "pipe" }} [settings]
	 *   `options`: dynohot's and node's, before the entry; `stdin: "pipe"` to write to the app
	 */
	command(entry = "main.js", { args = [], options = [], env = {}, stdin = "ignore" } = {}) {
		const app = new App(testNode(), [ commandPath, ...options, entry, ...args ], { cwd: this.directory, env: applicationEnvironment(env), stdin });
		this.apps.push(app);
		return app;
	}

	/** Stops every application started here and deletes the directory. */
	async cleanup() {
		await Promise.all(this.apps.map(app => app.stop()));
		await fs.rm(this.directory, { recursive: true, force: true, maxRetries: 5 });
	}
}

/**
 * A project whose applications are stopped and whose directory is removed when the test ends,
 * passed or failed.
 * @param {import("ava").ExecutionContext} t
 * @param {Record<string, string | Uint8Array>} files
 * @param {ProjectOptions} [options]
 */
export async function createProject(t, files, options) {
	const project = await Project.create(files, options);
	t.teardown(() => project.cleanup());
	return project;
}
