// Behaviour tests as inline scenarios: the files and steps of a scenario directory
// (__test__/README.md, "Scenarios") written next to the test, run by the harness's scenario runner.
import * as fs from "node:fs/promises";
import * as os from "node:os";
import * as path from "node:path";
import { runScenario } from "../harness/index.js";

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
