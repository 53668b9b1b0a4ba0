// Update events (issue 18): every update ends in one event, appended as a JSON line to the file
// DYNOHOT_EVENTS names and delivered to `import.meta.hot.on("update")` (the failed ones to
// `on("error")` as well), whatever the update's outcome. Code, not fixtures: the events are JSON,
// checked field by field.
import anyTest from "ava";
import * as fs from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { createProject, loadedLine, queuedTest } from "../harness/index.js";

const test = queuedTest(anyTest);

/**
 * The events the file holds once it has `count` lines (the line is written as the update ends,
 * after its `[hot]` line).
 * @param {import("ava").ExecutionContext} t
 * @param {string} file
 * @param {number} count
 * @returns {Promise<any[]>}
 */
async function eventsOnceThere(t, file, count) {
	const deadline = Date.now() + 10_000;
	for (;;) {
		const text = await fs.readFile(file, "utf8").catch(() => "");
		const lines = text.split("\n").filter(line => line !== "");
		if (lines.length >= count || Date.now() > deadline) {
			t.true(text.endsWith("\n"), "every event is a whole line");
			return lines.map(line => JSON.parse(line));
		}
		await new Promise(resolve => setTimeout(resolve, 50));
	}
}

/**
 * `durationMs`: every phase is a number of milliseconds, none beyond the total.
 * @param {import("ava").ExecutionContext} t
 * @param {Record<string, unknown>} durations
 */
function checkDurations(t, durations) {
	t.deepEqual(Object.keys(durations).sort(), [ "accept", "dispose", "evaluate", "link", "load", "total", "transform" ]);
	for (const [ phase, milliseconds ] of Object.entries(durations)) {
		t.true(typeof milliseconds === "number" && milliseconds >= 0 && milliseconds <= Number(durations["total"]), `${phase}: ${String(milliseconds)}`);
	}
}

/**
 * Starts `main.js` of a project made of `files` with DYNOHOT_EVENTS set, once it printed `main`.
 * @param {import("ava").ExecutionContext} t
 * @param {Record<string, string>} files
 */
async function startWithEvents(t, files) {
	const project = await createProject(t, files);
	const app = project.start("main.js", { env: { DYNOHOT_EVENTS: "events.jsonl" } });
	await app.waitFor("main");
	return {
		project,
		app,
		eventsFile: project.path("events.jsonl"),
		url: (/** @type {string} */ file) => pathToFileURL(project.path(file)).href,
	};
}

test("DYNOHOT_EVENTS: an applied and an unaccepted update are one JSON line each", async t => {
	const { project, app, eventsFile, url } = await startWithEvents(t, {
		"main.js": 'import "./accepting.js";\nimport "./plain.js";\nconsole.log("main");\n',
		"accepting.js": 'console.log("accepting 1");\nimport.meta.hot.accept();\n',
		"plain.js": 'console.log("plain 1");\n',
	});

	await project.edit("accepting.js", 'console.log("accepting 2");\nimport.meta.hot.accept();\n');
	await app.waitFor("accepting 2");
	await app.waitFor(loadedLine(1, 0), { stream: "stderr" });
	const [ applied ] = await eventsOnceThere(t, eventsFile, 1);
	t.like(applied, {
		type: "update",
		outcome: "applied",
		changed: [ url("accepting.js") ],
		loaded: [ url("accepting.js") ],
		reevaluated: [],
		boundaries: [ url("accepting.js") ],
		chain: [],
	});
	t.false("error" in applied);
	checkDurations(t, applied.durationMs);
	t.true(applied.durationMs.evaluate > 0, "the new version was evaluated");

	await project.edit("plain.js", 'console.log("plain 2");\n');
	await app.waitFor("[hot] The update was not accepted: it reached the root module without an accepting boundary.", { stream: "stderr" });
	const [ , unaccepted ] = await eventsOnceThere(t, eventsFile, 2);
	t.like(unaccepted, {
		type: "update",
		outcome: "unaccepted",
		changed: [ url("plain.js") ],
		loaded: [],
		reevaluated: [],
		boundaries: [],
		chain: [
			{ url: url("plain.js"), depth: 0, changed: true, declined: false, outsideImporter: null },
			{ url: url("main.js"), depth: 1, changed: false, declined: false, outsideImporter: null },
		],
	});
	t.is(unaccepted.chain.length, 2);
	t.false("error" in unaccepted);
	checkDurations(t, unaccepted.durationMs);
	t.is(unaccepted.durationMs.evaluate, 0, "nothing was evaluated");
	t.deepEqual(app.takeLines("stdout"), [], "plain.js was not evaluated again");
});

test("DYNOHOT_EVENTS: a stuck update, a throwing dispose handler and a refused update say what stopped them", async t => {
	const waiting = (/** @type {string} */ body) => `import.meta.hot.accept();\n${body}\n`;
	const throwing = 'import.meta.hot.accept();\nimport.meta.hot.dispose(() => { throw new Error("dispose failed"); });\n';
	const { project, app, eventsFile, url } = await startWithEvents(t, { "main.js": 'import "./waiting.js";\nimport "./throwing.js";\nconsole.log("main");\n', "waiting.js": waiting("// first"), "throwing.js": throwing });
	await project.edit("waiting.js", waiting('console.log("waiting 2");\nawait new Promise(() => {});'));
	await app.waitFor(/^\[hot\] The update is stuck: the top-level await of waiting\.js has not settled after 5s\./u, { stream: "stderr" });

	// The next save gives the stuck update up (its event comes then), and applies.
	await project.edit("throwing.js", 'import.meta.hot.accept();\nconsole.log("throwing 2");\n');
	await app.waitFor(/^\[hot\] The update stuck in the top-level await of waiting\.js is given up: /u, { stream: "stderr" });
	await app.waitFor(/^\[hot\] A dispose handler of throwing\.js failed: /u, { stream: "stderr" });
	const [ stuck, disposeError ] = await eventsOnceThere(t, eventsFile, 2);
	t.like(stuck, { outcome: "stuck", changed: [ url("waiting.js") ], loaded: [], stuck: { url: url("waiting.js"), waitingFor: "top-level await" } });
	t.false("error" in stuck);
	checkDurations(t, stuck.durationMs);
	t.like(disposeError, { outcome: "dispose-error", changed: [ url("throwing.js") ], loaded: [], error: { name: "Error", message: "dispose failed", file: url("throwing.js"), line: 2 } });

	await project.edit("throwing.js", 'import.meta.hot.accept();\nconsole.log("throwing 3");\n');
	await app.waitFor("[hot] The update was refused: it would replace throwing.js, whose dispose handler failed earlier. Restart the process to apply it.", { stream: "stderr" });
	const [ , , refused ] = await eventsOnceThere(t, eventsFile, 3);
	t.like(refused, { outcome: "refused", changed: [ url("throwing.js") ], loaded: [], refused: [ url("throwing.js") ] });
	t.false("error" in refused);
	t.deepEqual(app.takeLines("stdout"), [ "waiting 2" ], "neither new version of throwing.js ran");
});

test("on(\"update\") receives every update's event, on(\"error\") the failed ones; both unsubscribe", async t => {
	const name = "const name = (url) => url.slice(url.lastIndexOf(\"/\") + 1);";
	const project = await createProject(t, {
		"main.js": [
			'import { value } from "./dep.js";',
			name,
			'import.meta.hot.on("update", event => console.log(`update ${event.outcome} ${event.changed.map(name).join()} value ${value}`));',
			"import.meta.hot.on(\"error\", event => console.log(`error ${event.outcome} ${event.error.name} ${event.error.message.split(\"\\n\")[0]} at ${name(event.error.file)}:${event.error.line}`));",
			'import.meta.hot.on("update", () => console.log("unsubscribed"))();',
			'import.meta.hot.accept("./dep.js");',
			'console.log("main");',
			"",
		].join("\n"),
		"dep.js": "export const value = 1;\n",
	});
	const app = project.start("main.js");
	await app.waitFor("main");

	await project.edit("dep.js", "export const value = 2;\n");
	await app.waitFor(loadedLine(1, 0), { stream: "stderr" });
	await app.waitFor("update applied dep.js value 2");

	await project.edit("dep.js", '// line 1\nthrow new Error("broken");\nexport const value = 3;\n');
	await app.waitFor("[hot] Error while evaluating dep.js:", { stream: "stderr" });
	await app.waitFor("update evaluation-error dep.js value 2");
	await app.waitFor("error evaluation-error Error broken at dep.js:2");

	await project.edit("dep.js", "export const value = ;\n");
	await app.waitFor("[hot] Error while loading the changed file dep.js:", { stream: "stderr" });
	await app.waitFor("update load-error dep.js value 2");
	await app.waitFor(/^error load-error SyntaxError .* at dep\.js:1$/u);

	await project.edit("dep.js", "export const value = 4;\n");
	await app.waitFor("update applied dep.js value 4");
	t.deepEqual(app.takeLines("stdout"), [], "the unsubscribed listener heard nothing");
});

test("DYNOHOT_EVENTS: a file that cannot be written is reported once, and the updates go on", async t => {
	const project = await createProject(t, {
		"main.js": 'import "./app.js";\n',
		"app.js": 'console.log("app 1");\nimport.meta.hot.accept();\n',
	});
	const app = project.start("main.js", { env: { DYNOHOT_EVENTS: "missing-folder/events.jsonl" } });
	await app.waitFor("app 1");
	await project.edit("app.js", 'console.log("app 2");\nimport.meta.hot.accept();\n');
	await app.waitFor("app 2");
	await app.waitFor(loadedLine(1, 0), { stream: "stderr" });
	await app.waitFor(/^\[hot\] Update events cannot be written to .*missing-folder.events\.jsonl \(DYNOHOT_EVENTS\): Error: ENOENT/u, { stream: "stderr" });
	await project.edit("app.js", 'console.log("app 3");\nimport.meta.hot.accept();\n');
	await app.waitFor("app 3");
	await app.waitFor(loadedLine(1, 0), { stream: "stderr" });
	t.deepEqual(app.takeLines("stderr"), [], "the failure was reported once");
});
