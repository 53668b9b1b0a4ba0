// Runs a scenario directory (format: __test__/README.md, "Scenarios"): start the entry, then for
// each step apply its file changes and compare what the application printed with expect.json.
import * as fs from "node:fs/promises";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { setTimeout as delay } from "node:timers/promises";
import { settleDelay } from "./environment.js";
import { Project } from "./project.js";

/** `dep.hmr-2.js` → `{ file: "dep.js", step: 2 }` */
const stepFileName = /^(?<base>.+)\.hmr-(?<step>[1-9][0-9]*)(?<extension>\.[^.]*)?$/;

/**
 * @typedef {object} Step
 * @property {string[]} [stdout] exactly the lines printed during this step (patterns)
 * @property {string[]} [stderr] exactly the lines printed during this step (patterns)
 * @property {string[]} [stdoutIncludes] lines that appear in this order; others allowed
 * @property {string[]} [stderrIncludes] lines that appear in this order; others allowed
 * @property {string[]} [touch] files whose times are set to now without changing them
 * @property {string[]} [remove] files deleted
 * @property {[string, string][]} [rename] [from, to] pairs
 * @property {boolean} [atomic] write this step's files by temporary file + rename
 */

/**
 * @typedef {object} Expectation
 * @property {string} [entry]
 * @property {string[]} [args]
 * @property {string[]} [nodeOptions]
 * @property {Record<string, string>} [env]
 * @property {string[]} [packages]
 * @property {Step[]} steps steps[0] is the start, steps[N] follows the `*.hmr-N.*` files
 * @property {number} [exit] the application ends by itself after the last step with this code
 */

/**
 * Reads a scenario directory: initial files, files per step, and expect.json.
 * @param {string} directory
 */
export async function readScenario(directory) {
	/** @type {Expectation} */
	const expectation = JSON.parse(await fs.readFile(path.join(directory, "expect.json"), "utf8"));
	/** @type {Record<string, Buffer>} */
	const initial = {};
	/** @type {Map<number, Record<string, Buffer>>} */
	const edits = new Map();
	const entries = await fs.readdir(directory, { recursive: true, withFileTypes: true });
	for (const entry of entries) {
		if (!entry.isFile()) {
			continue;
		}
		const relative = path.relative(directory, path.join(entry.parentPath, entry.name)).split(path.sep).join("/");
		if (relative === "expect.json") {
			continue;
		}
		const content = await fs.readFile(path.join(directory, relative));
		const match = stepFileName.exec(entry.name);
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
	if (lastEdit >= expectation.steps.length) {
		throw new Error(`${directory}: files for step ${lastEdit} but expect.json has ${expectation.steps.length} steps (0 is the start)`);
	}
	return { expectation, initial, edits };
}

/**
 * A line pattern from expect.json: the text itself, where `{{n}}` is a number, `{{*}}` is any
 * text, `{{dir}}` the project directory and `{{url}}` its file: URL.
 * @param {string} pattern
 * @param {string} directory
 */
function compilePattern(pattern, directory) {
	const url = pathToFileURL(directory).href;
	const escape = (/** @type {string} */ text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
	const source = pattern.split(/(\{\{(?:n|\*|dir|url)\}\})/).map(part => {
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
	const { expectation, initial, edits } = await readScenario(directory);
	const project = await Project.create(initial, { packages: expectation.packages ?? [] });
	t.teardown(() => project.cleanup());
	const app = project.start(expectation.entry ?? "main.js", {
		args: expectation.args ?? [],
		nodeOptions: expectation.nodeOptions ?? [],
		env: expectation.env ?? {},
		keepAlive: expectation.exit === undefined,
	});
	/** @type {Set<"stdout" | "stderr">} streams whose unmatched lines a step allows */
	let lenient = new Set();
	for (const [ number, step ] of expectation.steps.entries()) {
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
 * update): file contents, renames, removals, touches.
 * @param {Project} project
 * @param {Record<string, Buffer>} files
 * @param {Step} step
 */
async function applyChanges(project, files, step) {
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
