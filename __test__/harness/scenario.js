// Runs a scenario directory (format: __test__/behaviour/fixtures/README.md): start the entry, then
// for each step apply its file changes and compare what the application printed with expect.json.
import * as fs from "node:fs/promises";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { setTimeout as delay } from "node:timers/promises";
import { settleDelay } from "./environment.js";
import { loadedLineStart } from "./hot-lines.js";
import { freePort, httpGet } from "./network.js";
import { Project } from "./project.js";
import { sameAsNode } from "./same-as-node.js";

/** `dep.hmr-2.js` → `{ file: "dep.js", step: 2 }` */
const stepFileName = /^(?<base>.+)\.hmr-(?<step>[1-9][0-9]*)(?<extension>\.[^.]*)?$/;

/**
 * @typedef {object} Step
 * @property {string[]} [stdout] exactly the lines printed during this step (patterns)
 * @property {string[]} [stderr] exactly the lines printed during this step (patterns)
 * @property {string[]} [stdoutIncludes] lines that appear in this order; others allowed
 * @property {string[]} [stderrIncludes] lines that appear in this order; others allowed
 * @property {string[]} [mkdir] folders created, before the step's files, one after the other
 * @property {string[]} [touch] files whose times are set to now without changing them
 * @property {string[]} [remove] files deleted
 * @property {[string, string][]} [rename] [from, to] pairs
 * @property {boolean} [atomic] write this step's files by temporary file + rename
 * @property {string} [comment] why the step is as it is, for the reader
 * @property {HttpProbe[]} [http] requests to the application (at `PORT`) after the step's lines
 */

/**
 * @typedef {object} HttpProbe
 * @property {string} get the path requested from http://127.0.0.1:PORT
 * @property {number} status the status it must answer
 * @property {string} body the body it must answer, exactly
 */

/**
 * @typedef {object} Expectation
 * @property {string} [description] what the case shows, in a sentence (part of the test's title)
 * @property {string} [comment] why the case is as it is, for the reader
 * @property {Record<string, string>} [include] files of the case kept elsewhere, to share them
 *   between cases: path in the project (or step file name) → file or folder, relative to the case
 * @property {true | { stdout: string[] }} [sameAsNode] first run the initial files under plain node
 *   and under dynohot, each to its end, and compare what they print (`stdout`: what node must print)
 * @property {{ stdout: string[], exit: number }} [plainNode] first run the project under plain node,
 *   to its end: it must print exactly these lines and exit with this code
 * @property {string} [entry]
 * @property {string[]} [args]
 * @property {string[]} [nodeOptions]
 * @property {Record<string, string>} [env]
 * @property {boolean} [hot] false: start without `--import dynohot/register` (the application
 *   activates dynohot itself, e.g. through `nodeOptions`)
 * @property {boolean} [port] a free port for the application, in its environment as `PORT`
 * @property {Record<string, string>} [symlinks] links made before the start: link → target
 *   (both in the project)
 * @property {string[]} [packages]
 * @property {Step[]} [steps] steps[0] is the start, steps[N] follows the `*.hmr-N.*` files; none:
 *   the case is only the comparison with plain node
 * @property {number} [exit] the application ends by itself after the last step with this code
 */

/**
 * The files below `directory` (a file or a folder): path relative to it → content.
 * @param {string} directory
 */
async function readTree(directory) {
	/** @type {Map<string, Buffer>} */
	const files = new Map();
	if ((await fs.stat(directory)).isFile()) {
		files.set("", await fs.readFile(directory));
		return files;
	}
	for (const entry of await fs.readdir(directory, { recursive: true, withFileTypes: true })) {
		if (entry.isFile()) {
			const file = path.join(entry.parentPath, entry.name);
			files.set(path.relative(directory, file).split(path.sep).join("/"), await fs.readFile(file));
		}
	}
	return files;
}

/**
 * Reads a scenario directory: initial files, files per step, and expect.json.
 * @param {string} directory
 */
export async function readScenario(directory) {
	/** @type {Expectation} */
	const expectation = JSON.parse(await fs.readFile(path.join(directory, "expect.json"), "utf8"));
	const steps = expectation.steps ?? [];
	/** @type {Record<string, Buffer>} */
	const initial = {};
	/** @type {Map<number, Record<string, Buffer>>} */
	const edits = new Map();
	const files = await readTree(directory);
	files.delete("expect.json");
	for (const [ target, source ] of Object.entries(expectation.include ?? {})) {
		for (const [ relative, content ] of await readTree(path.join(directory, source))) {
			files.set(path.posix.join(target, relative), content);
		}
	}
	for (const [ relative, content ] of files) {
		const match = stepFileName.exec(path.posix.basename(relative));
		if (match?.groups) {
			const { base, step, extension = "" } = match.groups;
			const file = path.posix.join(path.posix.dirname(relative), `${base}${extension}`);
			const number = Number(step);
			edits.set(number, { ...edits.get(number), [file]: content });
		} else {
			initial[relative] = content;
		}
	}
	const lastEdit = Math.max(0, ...edits.keys());
	if (lastEdit > 0 && lastEdit >= steps.length) {
		throw new Error(`${directory}: files for step ${lastEdit} but expect.json has ${steps.length} steps (0 is the start)`);
	}
	return { expectation, steps, initial, edits };
}

/**
 * A line pattern from expect.json: the text itself, where `{{n}}` is a number, `{{*}}` is any
 * text, `{{dir}}` the project directory, `{{url}}` its file: URL, and `{{loaded L R}}` the success
 * line of an update that loaded L new modules and re-evaluated R existing ones.
 * @param {string} pattern
 * @param {string} directory
 */
function compilePattern(pattern, directory) {
	const url = pathToFileURL(directory).href;
	const escape = (/** @type {string} */ text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
	const source = pattern.split(/(\{\{(?:n|\*|dir|url|loaded [0-9]+ [0-9]+)\}\})/).map(part => {
		const loaded = /^\{\{loaded (?<loads>[0-9]+) (?<reevaluations>[0-9]+)\}\}$/.exec(part)?.groups;
		if (loaded) {
			return `${escape(loadedLineStart(Number(loaded["loads"]), Number(loaded["reevaluations"])))} [0-9]+ms\\.`;
		}
		switch (part) {
			case "{{n}}": return "[0-9]+";
			case "{{*}}": return ".*";
			case "{{dir}}": return escape(directory);
			case "{{url}}": return escape(url);
			default: return escape(part);
		}
	}).join("");
	return new RegExp(`^${source}$`);
}

/**
 * Runs the scenario in `directory` as one ava test.
 * @param {import("ava").ExecutionContext} t
 * @param {string} directory
 */
export async function runScenario(t, directory) {
	const { expectation, steps, initial, edits } = await readScenario(directory);
	if (expectation.sameAsNode !== undefined) {
		const expectedStdout = expectation.sameAsNode === true ? undefined : expectation.sameAsNode.stdout;
		await sameAsNode(t, initial, { entry: expectation.entry, nodeOptions: expectation.nodeOptions, expectedStdout });
	}
	if (steps.length === 0) {
		return;
	}
	const project = await Project.create(initial, { packages: expectation.packages ?? [] });
	t.teardown(() => project.cleanup());
	for (const [ link, target ] of Object.entries(expectation.symlinks ?? {})) {
		await fs.mkdir(path.dirname(project.path(link)), { recursive: true });
		await fs.symlink(project.path(target), project.path(link));
	}
	const port = expectation.port === true ? await freePort() : undefined;
	const startOptions = {
		args: expectation.args ?? [],
		nodeOptions: expectation.nodeOptions ?? [],
		env: { ...expectation.env, ...port === undefined ? {} : { PORT: String(port) } },
	};
	if (expectation.plainNode !== undefined) {
		const native = project.start(expectation.entry ?? "main.js", { ...startOptions, hot: false, keepAlive: false });
		const exit = await native.waitForExit();
		const expected = expectation.plainNode.stdout;
		compareLines(t, native.lines.stdout, expected, expected.map(pattern => compilePattern(pattern, project.directory)), `plain node\n${native.output()}`);
		t.is(exit.code, expectation.plainNode.exit, `plain node's exit code\n${native.output()}`);
	}
	const app = project.start(expectation.entry ?? "main.js", {
		...startOptions,
		hot: expectation.hot ?? true,
		keepAlive: expectation.exit === undefined,
	});
	/** @type {Set<"stdout" | "stderr">} streams whose unmatched lines a step allows */
	let lenient = new Set();
	for (const [ number, step ] of steps.entries()) {
		if (number > 0) {
			await delay(settleDelay);
			// What a lenient step's stream printed until now (e.g. the rest of a stack trace) is its own.
			for (const stream of lenient) {
				app.takeLines(stream);
			}
			await applyChanges(project, edits.get(number) ?? {}, step);
		}
		lenient = new Set();
		for (const stream of /** @type {const} */ ([ "stdout", "stderr" ])) {
			const exact = step[stream];
			const included = step[`${stream}Includes`];
			const where = `step ${number} (${stream})`;
			if (included) {
				lenient.add(stream);
				const patterns = included.map(pattern => compilePattern(pattern, project.directory));
				await app.until(() => {
					const lines = app.lines[stream];
					let next = 0;
					for (let index = app.cursor[stream]; index < lines.length && next < patterns.length; ++index) {
						if (patterns[next]?.test(/** @type {string} */ (lines[index]))) {
							++next;
						}
					}
					return next === patterns.length ? true : undefined;
				}, `${where} to include ${JSON.stringify(included)}`);
				t.pass();
			} else {
				const expected = exact ?? [];
				const patterns = expected.map(pattern => compilePattern(pattern, project.directory));
				await app.until(() => {
					const fresh = app.lines[stream].slice(app.cursor[stream]);
					const mismatch = fresh.some((line, index) => index < patterns.length && !patterns[index]?.test(line));
					return fresh.length >= patterns.length || mismatch ? true : undefined;
				}, `${where}: ${JSON.stringify(expected)}`);
				const start = app.cursor[stream];
				const fresh = app.lines[stream].slice(start, start + patterns.length);
				app.cursor[stream] = start + fresh.length;
				compareLines(t, fresh, expected, patterns, `${where}\n${app.output()}`);
			}
		}
		for (const probe of step.http ?? []) {
			if (port === undefined) {
				throw new Error(`${directory}: step ${number} makes requests, but expect.json has no "port": true`);
			}
			const { status, body } = await httpGet(`http://127.0.0.1:${port}${probe.get}`);
			t.deepEqual({ status, body }, { status: probe.status, body: probe.body }, `step ${number}: GET ${probe.get}\n${app.output()}`);
		}
	}
	if (expectation.exit !== undefined) {
		const exit = await app.waitForExit();
		t.is(exit.code, expectation.exit, `exit code\n${app.output()}`);
	} else {
		await app.stop();
	}
	for (const stream of /** @type {const} */ ([ "stdout", "stderr" ])) {
		if (!lenient.has(stream)) {
			t.deepEqual(app.takeLines(stream), [], `${stream} after the last step\n${app.output()}`);
		}
	}
}

/**
 * Compares with a diff that shows only real differences: a line matching its pattern is shown
 * as the pattern.
 * @param {import("ava").ExecutionContext} t
 * @param {string[]} actual
 * @param {string[]} expected
 * @param {RegExp[]} patterns
 * @param {string} message
 */
function compareLines(t, actual, expected, patterns, message) {
	const shown = actual.map((line, index) => patterns[index]?.test(line) ? expected[index] : line);
	t.deepEqual(shown, expected, message);
}

/**
 * Applies one step's changes together (no pause between them, so they may coalesce into one
 * update): new folders, file contents, renames, removals, touches.
 * @param {Project} project
 * @param {Record<string, Buffer>} files
 * @param {Step} step
 */
async function applyChanges(project, files, step) {
	for (const folder of step.mkdir ?? []) {
		await fs.mkdir(project.path(folder));
	}
	for (const [ file, content ] of Object.entries(files)) {
		if (step.atomic) {
			const temporary = `${project.path(file)}.tmp`;
			await fs.writeFile(temporary, content);
			await fs.rename(temporary, project.path(file));
		} else {
			await project.write(file, content);
		}
	}
	for (const [ from, to ] of step.rename ?? []) {
		await fs.rename(project.path(from), project.path(to));
	}
	for (const file of step.remove ?? []) {
		await fs.rm(project.path(file), { force: true });
	}
	for (const file of step.touch ?? []) {
		const now = new Date();
		await fs.utimes(project.path(file), now, now);
	}
}
