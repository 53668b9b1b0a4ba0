// Behaviour tests as inline scenarios: the files and steps of a scenario directory
// (__test__/README.md, "Scenarios") written next to the test, run by the harness's scenario runner.
import * as fs from "node:fs/promises";
import * as os from "node:os";
import * as path from "node:path";
import { createProject, runScenario } from "../harness/index.js";

/**
 * @typedef {object} BehaviourStep
 * @property {Record<string, string>} [edit] files written in this step (created when new)
 * @property {string[]} [stdout]
 * @property {string[]} [stderr]
 * @property {string[]} [stdoutIncludes]
 * @property {string[]} [stderrIncludes]
 * @property {string[]} [touch]
 * @property {string[]} [remove]
 */

/**
 * @typedef {object} Behaviour
 * @property {Record<string, string>} files the initial project
 * @property {BehaviourStep[]} steps steps[0] is the start
 * @property {string} [entry]
 * @property {string[]} [nodeOptions]
 * @property {number} [exit] the application ends by itself with this code
 */

/**
 * `dep.js`, step 2 → `dep.hmr-2.js`
 * @param {string} file
 * @param {number} step
 */
function stepFile(file, step) {
	const directory = path.posix.dirname(file);
	const name = path.posix.basename(file);
	const dot = name.lastIndexOf(".");
	const stepped = dot > 0 ? `${name.slice(0, dot)}.hmr-${step}${name.slice(dot)}` : `${name}.hmr-${step}`;
	return path.posix.join(directory, stepped);
}

/**
 * Runs a behaviour as a scenario: writes its directory, hands it to `runScenario`.
 * @param {import("ava").ExecutionContext} t
 * @param {Behaviour} behaviour
 */
export async function runBehaviour(t, { files, steps, ...options }) {
	const directory = await fs.mkdtemp(path.join(os.tmpdir(), "dynohot-behaviour-"));
	t.teardown(() => fs.rm(directory, { recursive: true, force: true }));
	const write = async (/** @type {string} */ file, /** @type {string} */ content) => {
		await fs.mkdir(path.dirname(path.join(directory, file)), { recursive: true });
		await fs.writeFile(path.join(directory, file), content);
	};
	for (const [ file, content ] of Object.entries(files)) {
		await write(file, content);
	}
	const expectSteps = [];
	for (const [ number, { edit = {}, ...expected } ] of steps.entries()) {
		for (const [ file, content ] of Object.entries(edit)) {
			await write(stepFile(file, number), content);
		}
		expectSteps.push(expected);
	}
	await write("expect.json", JSON.stringify({ ...options, steps: expectSteps }));
	await runScenario(t, directory);
}

/**
 * The success line of an update.
 * @param {number} loads
 * @param {number} reevaluations
 */
export function loaded(loads, reevaluations) {
	const modules = (/** @type {number} */ count) => count === 1 ? "module" : "modules";
	return `[hot] Loaded ${loads} new ${modules(loads)}, reevaluated ${reevaluations} existing ${modules(reevaluations)} in {{n}}ms.`;
}

/**
 * Runs the same project under plain node and under dynohot, each to its end, and compares what
 * they print: stdout, the exit code, and the error line (`SomethingError: …`) of stderr.
 * @param {import("ava").ExecutionContext} t
 * @param {Record<string, string>} files
 * @param {{ entry?: string, nodeOptions?: string[], expectedStdout?: string[] }} [options]
 *   `expectedStdout` also pins what node prints
 */
export async function sameAsNode(t, files, { entry = "main.js", nodeOptions = [], expectedStdout } = {}) {
	const project = await createProject(t, files);
	// The error's name and message; a transform error adds its position to the message (and
	// an error from the off-thread hooks is shown with its prototype's name in brackets).
	const errorOf = (/** @type {string[]} */ lines) => {
		const match = lines.map(line => /^(?<name>[A-Za-z]*Error)\b[^:]*: (?<message>.*)$/.exec(line)).find(Boolean);
		return match?.groups;
	};
	const native = project.start(entry, { hot: false, keepAlive: false, nodeOptions });
	const nativeExit = await native.waitForExit();
	const hot = project.start(entry, { keepAlive: false, nodeOptions });
	const hotExit = await hot.waitForExit();
	const outputs = `plain node:\n${native.output()}\n\ndynohot:\n${hot.output()}`;
	if (expectedStdout !== undefined) {
		t.deepEqual(native.lines.stdout, expectedStdout, outputs);
	}
	t.deepEqual(hot.lines.stdout, native.lines.stdout, outputs);
	t.is(hotExit.code, nativeExit.code, outputs);
	const nativeError = errorOf(native.lines.stderr);
	const hotError = errorOf(hot.lines.stderr);
	t.is(hotError?.name, nativeError?.name, outputs);
	t.true(nativeError === undefined || hotError?.message.startsWith(nativeError.message) === true, outputs);
	return { native, hot };
}
