// Differential test of random module graphs against plain node: cycles entered at different
// modules, with `export *`, `export * as ns` and re-export chains through them (./random-graph.js).
// Each graph starts under plain node and under dynohot, which must print the same (what each
// module reads while the graph evaluates, then a report of every namespace); then modules are
// edited, and after each update the report dynohot prints must be the one plain node prints for
// the edited files. A failing graph names its seed and shows its files.
import test from "ava";
import * as fs from "node:fs/promises";
import { setTimeout as delay } from "node:timers/promises";
import { createProject, queuedTest, settleDelay } from "../harness/index.js";
import { editGraph, generateGraph, graphFiles, moduleSource, randomSource } from "./random-graph.js";

const graphs = 40;
const editsPerGraph = 3;
const queued = queuedTest(test);

/**
 * The lines of the last report in `lines`.
 * @param {string[]} lines
 */
function lastReport(lines) {
	const end = lines.lastIndexOf("report end");
	return lines.slice(lines.lastIndexOf("report begin", end), end + 1);
}

/**
 * Saves a file at once (a temporary file renamed over it), as editors do: a save in place can be
 * read half written by a loaded machine, which would test the save and not the graph.
 * @param {import("../harness/index.js").Project} project
 * @param {string} file
 * @param {string} content
 */
async function save(project, file, content) {
	const temporary = project.path(`${file}.tmp`);
	await fs.writeFile(temporary, content);
	await fs.rename(temporary, project.path(file));
}

/**
 * Runs the project under plain node to its end; answers what it printed.
 * @param {import("ava").ExecutionContext} t
 * @param {import("../harness/index.js").Project} project
 */
async function runPlain(t, project) {
	const plain = project.start("main.js", { hot: false, keepAlive: false });
	const exit = await plain.waitForExit();
	t.deepEqual({ code: exit.code, stderr: plain.lines.stderr }, { code: 0, stderr: [] }, `the generated program fails under plain node\n${plain.output()}`);
	return plain.lines.stdout;
}

for (let seed = 1; seed <= graphs; ++seed) {
	queued(`random graph ${seed}: dynohot prints what plain node prints, at startup and after ${editsPerGraph} edits`, async t => {
		const random = randomSource(seed);
		const modules = generateGraph(random);
		const files = graphFiles(random, modules);
		const project = await createProject(t, files);
		const program = () => Object.keys(files).filter(file => file !== "probe.js").sort()
			.map(file => `// ${file}\n${file === "main.js" ? files[file] : moduleSource(modules, Number(file.slice(1, -3)))}`).join("\n");

		const expected = await runPlain(t, project);
		const app = project.start("main.js");
		const reportEnd = () => app.waitFor("report end").catch(error => {
			throw new Error(`${error instanceof Error ? error.message : String(error)}\n${program()}`, { cause: error });
		});
		await reportEnd();
		t.deepEqual(app.lines.stdout, expected, `at startup\n${program()}\n${app.output()}`);
		t.deepEqual(app.lines.stderr, [], app.output());

		for (let edit = 1; edit <= editsPerGraph; ++edit) {
			const index = editGraph(random, modules);
			if (edit === 1) {
				// Every file is watched from startup on: only the first edit waits for the watcher.
				await delay(settleDelay);
			}
			await save(project, `m${index}.js`, moduleSource(modules, index));
			const [ outcome ] = await app.waitFor(/^\[hot\] .*/, { stream: "stderr" });
			t.regex(outcome, /^\[hot\] Loaded /, `edit ${edit} of m${index}.js\n${program()}\n${app.output()}`);
			await reportEnd();
			t.deepEqual(lastReport(app.lines.stdout), lastReport(await runPlain(t, project)), `edit ${edit} of m${index}.js\n${program()}\n${app.output()}`);
		}
	});
}
