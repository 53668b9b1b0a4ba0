// The `dynohot` command (src/cli/): a supervisor that runs the app as a cluster worker and
// restarts it, without refusing or dropping a connection, when an update cannot be applied hot;
// and behaves as `node` does for exit codes, signals and stdin.
import anyTest from "ava";
import { once } from "node:events";
import { setTimeout as delay } from "node:timers/promises";
import { createProject, freePort, httpGet, queuedTest, startRequestLoop } from "../harness/index.js";

const test = queuedTest(anyTest, 2);

/**
 * An HTTP server answering with `text` from text.js; `/slow` answers after `slowMs`. Nothing
 * accepts updates, so every edit of text.js is a restart.
 * @param {number} port
 * @param {number} [slowMs]
 */
function serverSource(port, slowMs = 3000) {
	return [
		'import { createServer } from "node:http";',
		'import { text } from "./text.js";',
		"createServer((request, response) => {",
		`	setTimeout(() => response.end(text), request.url === "/slow" ? ${slowMs} : 0);`,
		`}).listen(${port}, "127.0.0.1", () => console.log("listening"));`,
		"",
	].join("\n");
}

/** @param {string} text */
const textSource = text => `export const text = ${JSON.stringify(text)};\n`;

const restartLine = /^\[hot\] Restarted in \d+ms: text\.js changed, and no module accepts the change\.$/;

/**
 * Starts a server under the command, and a client that asks it every 20 ms.
 * @param {import("ava").ExecutionContext} t
 * @param {(port: number) => Record<string, string>} files the project's files, for the port the server listens on
 * @param {string[]} [options] the command's options
 */
async function startServing(t, files, options = []) {
	const port = await freePort();
	const project = await createProject(t, files(port));
	const app = project.command("main.js", { options });
	await app.waitFor("listening");
	const url = `http://127.0.0.1:${port}/`;
	const loop = startRequestLoop(url, 20);
	t.teardown(() => loop.stop());
	return { project, app, url, loop };
}

/**
 * Waits until the server answers `text`.
 * @param {string} url
 * @param {string} text
 */
async function untilServes(url, text) {
	for (let attempt = 0; attempt < 200; ++attempt) {
		if ((await httpGet(url)).body === text) {
			return;
		}
		await delay(50);
	}
	throw new Error(`${url} never answered ${text}`);
}

test("20 restarts under a request every 20 ms: no request refused or failed, and the answers switch", async t => {
	const { project, app, url, loop } = await startServing(t, port => ({ "main.js": serverSource(port), "text.js": textSource("version 0") }));
	for (let version = 1; version <= 20; ++version) {
		await project.edit("text.js", textSource(`version ${version}`));
		await app.waitFor(restartLine, { stream: "stderr" });
		await untilServes(url, `version ${version}`);
	}
	// Until the replaced app has handed its listening socket back, both may answer (a few ms).
	await delay(500);
	const { bodies, failures } = await loop.stop();
	t.deepEqual(failures, [], app.output());
	t.is(bodies.at(-1), "version 20", app.output());
	t.is(new Set(bodies).size, 21, `every version answered: ${[ ...new Set(bodies) ].join(", ")}`);
	t.deepEqual(app.takeLines("stderr"), []);
});

test("a request in flight during a restart is answered by the app that took it, and no other request fails", async t => {
	const { project, app, url, loop } = await startServing(t, port => ({ "main.js": serverSource(port, 4000), "text.js": textSource("old") }));
	const slow = httpGet(`${url}slow`);
	await project.edit("text.js", textSource("new"));
	await app.waitFor(restartLine, { stream: "stderr" });
	await untilServes(url, "new");
	t.deepEqual(await slow, { status: 200, body: "old" });
	const { failures } = await loop.stop();
	t.deepEqual(failures, []);
});

test("a replaced app runs its modules' dispose handlers, importers first, and ends by itself", async t => {
	const disposing = (/** @type {string} */ name) => `import.meta.hot.dispose(() => { clearInterval(timer); console.log("disposed ${name}", text); });\n`;
	const main = (/** @type {number} */ port) => `${serverSource(port)}const timer = setInterval(() => {}, 60_000);\n${disposing("main.js")}process.on("exit", () => console.log("exited", text));\n`;
	const text = (/** @type {string} */ value) => `${textSource(value)}const timer = setInterval(() => {}, 60_000);\n${disposing("text.js")}`;
	const { project, app, url, loop } = await startServing(t, port => ({ "main.js": main(port), "text.js": text("one") }), [ "--stop-timeout=60" ]);
	await project.edit("text.js", text("two"));
	await app.waitFor(restartLine, { stream: "stderr" });
	await untilServes(url, "two");
	await app.waitFor("disposed main.js one");
	await app.waitFor("disposed text.js one");
	// Its intervals cleared, the replaced app ends by itself, long before --stop-timeout would kill it.
	await app.waitFor("exited one");
	t.deepEqual((await loop.stop()).failures, []);
});

test("an app that fails to start after a save is not restarted again: the previous one serves until a save fixes it", async t => {
	const { project, app, url, loop } = await startServing(t, port => ({ "main.js": serverSource(port), "text.js": textSource("good") }));
	await project.edit("text.js", 'export const text = "broken";\nthrow new Error("broken text");\n');
	await app.waitFor("[hot] The restarted app exited with code 1 before it was ready; the previous app keeps running. Waiting for the next save.", { stream: "stderr" });
	t.is((await httpGet(url)).body, "good");
	await project.edit("text.js", textSource("fixed"));
	await app.waitFor(restartLine, { stream: "stderr" });
	await untilServes(url, "fixed");
	const { failures } = await loop.stop();
	t.deepEqual(failures, []);
	t.true(app.lines.stderr.some(line => line.startsWith("Error: broken text")), app.output());
});

test("an update that can be hot is applied in place, without a restart", async t => {
	const project = await createProject(t, {
		"main.js": 'import "./app.js";\nsetInterval(() => {}, 1000);\n',
		"app.js": 'console.log("app 1", process.pid);\nimport.meta.hot.accept();\n',
	});
	const app = project.command("main.js");
	const [ , firstPid ] = await app.waitFor(/^app 1 (\d+)$/);
	await project.edit("app.js", 'console.log("app 2", process.pid);\nimport.meta.hot.accept();\n');
	await app.waitFor(/^\[hot\] Loaded 1 new module, reevaluated 0 existing modules in \d+ms\.$/, { stream: "stderr" });
	t.deepEqual(await app.waitFor(/^app 2 (\d+)$/).then(match => match[1]), firstPid, app.output());
});

test("a change of a CommonJS file or of package.json restarts the app, naming the file", async t => {
	const project = await createProject(t, {
		"main.js": 'import config from "./config.cjs";\nconsole.log("config", config.value);\nsetInterval(() => {}, 1000);\n',
		"config.cjs": "module.exports = { value: 1 };\n",
	});
	const app = project.command("main.js");
	await app.waitFor("config 1");
	await project.edit("config.cjs", "module.exports = { value: 2 };\n");
	await app.waitFor(/^\[hot\] Restarted in \d+ms: config\.cjs changed, which the app loaded outside the hot graph\.$/, { stream: "stderr" });
	await app.waitFor("config 2");
	const manifest = await project.read("package.json");
	await project.edit("package.json", manifest.replace("}", ', "description": "edited" }'));
	await app.waitFor(/^\[hot\] Restarted in \d+ms: package\.json changed, which the app loaded outside the hot graph\.$/, { stream: "stderr" });
	await app.waitFor("config 2");
	t.deepEqual(app.takeLines("stderr"), []);
});

test("--no-restart reports an update that cannot be hot, as `--import dynohot/register` does", async t => {
	const project = await createProject(t, {
		"main.js": 'import { text } from "./text.js";\nconsole.log(text);\nsetInterval(() => {}, 1000);\n',
		"text.js": textSource("one"),
	});
	const app = project.command("main.js", { options: [ "--no-restart" ] });
	await app.waitFor("one");
	await project.edit("text.js", textSource("two"));
	await app.waitFor("[hot] The update was not accepted: it reached the root module without an accepting boundary.", { stream: "stderr" });
	await delay(1000);
	t.deepEqual(app.takeLines("stdout"), [], "not restarted");
});

test("the app's exit code is the command's", async t => {
	const project = await createProject(t, { "main.js": 'console.log("done");\nprocess.exitCode = 7;\n' });
	const app = project.command("main.js");
	await app.waitFor("done");
	t.deepEqual(await app.waitForExit(), { code: 7, signal: null });
});

test("a startup crash ends the command with the app's code", async t => {
	const project = await createProject(t, { "main.js": 'throw new Error("at startup");\n' });
	const app = project.command("main.js");
	t.deepEqual(await app.waitForExit(), { code: 1, signal: null });
	t.true(app.lines.stderr.some(line => line === "Error: at startup"));
});

test("SIGINT stops the app and the command; an app that handles it decides the exit code", async t => {
	const project = await createProject(t, {
		"plain.js": 'console.log("running");\nsetInterval(() => {}, 1000);\n',
		"handles.js": 'process.on("SIGINT", () => {\n\tconsole.log("cleaning up");\n\tprocess.exit(5);\n});\nconsole.log("running");\nsetInterval(() => {}, 1000);\n',
	});
	const plain = project.command("plain.js");
	await plain.waitFor("running");
	plain.child.kill("SIGINT");
	t.deepEqual(await plain.waitForExit(), { code: null, signal: "SIGINT" });
	const handles = project.command("handles.js");
	await handles.waitFor("running");
	handles.child.kill("SIGINT");
	await handles.waitFor("cleaning up");
	t.deepEqual(await handles.waitForExit(), { code: 5, signal: null });
	t.deepEqual(handles.takeLines("stdout"), [], "the app saw one SIGINT");
});

test("stdin reaches the app; arguments and node options are passed through", async t => {
	const project = await createProject(t, {
		"main.js": 'console.log("argv", process.argv.slice(2).join(" "), process.env.FROM_ENV_FILE);\nprocess.stdin.setEncoding("utf8");\nprocess.stdin.on("data", data => console.log("got", data.trim()));\n',
		"settings.env": "FROM_ENV_FILE=yes\n",
	});
	const app = project.command("main.js", { options: [ "--env-file=settings.env" ], args: [ "a", "--b" ], stdin: "pipe" });
	await app.waitFor("argv a --b yes");
	app.child.stdin?.write("hello\n");
	await app.waitFor("got hello");
	app.child.stdin?.end();
	t.deepEqual(await app.waitForExit(), { code: 0, signal: null });
});

test("--help and --version", async t => {
	const project = await createProject(t, {});
	const help = project.command("--help");
	t.deepEqual(await help.waitForExit(), { code: 0, signal: null });
	t.is(help.lines.stdout[0], "Usage: dynohot [options] [node options] <entry> [arguments]");
	const version = project.command("--version");
	await once(version.child, "exit");
	t.regex(/** @type {string} */ (version.lines.stdout[0]), /^\d+\.\d+\.\d+/);
});

/**
 * A server answering with `text` from text.js, which main.js accepts: text.js is replaced hot,
 * unless its new version or its dispose handler gets in the way.
 * @param {number} port
 */
function acceptingServerSource(port) {
	return [
		'import { createServer } from "node:http";',
		'import { text } from "./text.js";',
		"createServer((request, response) => response.end(text))",
		`	.listen(${port}, "127.0.0.1", () => console.log("listening"));`,
		'import.meta.hot.accept("./text.js");',
		"",
	].join("\n");
}

/**
 * text.js answering `text`, with `dispose` as its dispose handler's body (none when undefined).
 * @param {string} text
 * @param {string} [dispose]
 */
function textWithDispose(text, dispose) {
	return textSource(text) + (dispose === undefined ? "" : `import.meta.hot.dispose(() => { ${dispose} });\n`);
}

/**
 * The accepting server under the command with `--stuck-timeout 2`, and a client asking it every 20 ms.
 * @param {import("ava").ExecutionContext} t
 * @param {string} text text.js's first version
 */
function startAcceptingServer(t, text) {
	return startServing(t, port => ({ "main.js": acceptingServerSource(port), "text.js": text }), [ "--stuck-timeout", "2" ]);
}

test("a top-level await that never settles: the save is answered, the previous app serves, and the fix is applied", async t => {
	const { project, app, url, loop } = await startAcceptingServer(t, textSource("one"));
	await project.edit("text.js", `${textSource("stuck")}await new Promise(() => {});\n`);
	await app.waitFor("[hot] The update of text.js has not finished after 2s: a top-level await or a handler that never settles. Restarting.", { stream: "stderr" });
	// The new app has nothing else to do, and ends as node ends a program whose top-level await never settles.
	await app.waitFor("[hot] The restarted app exited with code 13 before it was ready; the previous app keeps running. Waiting for the next save.", { stream: "stderr" });
	t.is((await httpGet(url)).body, "one");
	await project.edit("text.js", textSource("fixed"));
	await app.waitFor(/^\[hot\] Restarted in \d+ms: the update of text\.js did not finish\.$/, { stream: "stderr" });
	await untilServes(url, "fixed");
	await project.edit("text.js", textSource("hot again"));
	await app.waitFor(/^\[hot\] Loaded 1 new module, reevaluated 0 existing modules in \d+ms\.$/, { stream: "stderr" });
	await untilServes(url, "hot again");
	t.deepEqual((await loop.stop()).failures, []);
});

test("a throwing dispose handler is reported with its module and stack, and each such save restarts the app", async t => {
	const throwing = 'throw new Error("dispose failed");';
	const { project, app, url, loop } = await startAcceptingServer(t, textWithDispose("one", throwing));
	for (const text of [ "two", "three" ]) {
		await project.edit("text.js", textWithDispose(text, throwing));
		await app.waitFor("[hot] Error in a dispose handler of text.js:", { stream: "stderr" });
		await app.waitFor("Error: dispose failed", { stream: "stderr" });
		await app.waitFor(/^\[hot\] Restarted in \d+ms: a dispose or prune handler of text\.js threw: dispose failed\.$/, { stream: "stderr" });
		await untilServes(url, text);
	}
	t.deepEqual((await loop.stop()).failures, []);
});

test("a dispose handler that never settles: the save becomes a restart, and later saves are applied", async t => {
	const stuck = "return new Promise(() => {});";
	const { project, app, url, loop } = await startAcceptingServer(t, textWithDispose("one", stuck));
	await project.edit("text.js", textWithDispose("two", stuck));
	await app.waitFor("[hot] The update of text.js has not finished after 2s: a top-level await or a handler that never settles. Restarting.", { stream: "stderr" });
	await app.waitFor(/^\[hot\] Restarted in \d+ms: the update of text\.js did not finish\.$/, { stream: "stderr" });
	await untilServes(url, "two");
	await project.edit("text.js", textWithDispose("three"));
	await app.waitFor("[hot] The update of text.js has not finished after 2s: a top-level await or a handler that never settles. Restarting.", { stream: "stderr" });
	await app.waitFor(/^\[hot\] Restarted in \d+ms: the update of text\.js did not finish\.$/, { stream: "stderr" });
	await untilServes(url, "three");
	await project.edit("text.js", textWithDispose("four"));
	await app.waitFor(/^\[hot\] Loaded 1 new module, reevaluated 0 existing modules in \d+ms\.$/, { stream: "stderr" });
	await untilServes(url, "four");
	t.deepEqual((await loop.stop()).failures, []);
});

test("a restarted app that starts slower than --stuck-timeout is given three times its first start", async t => {
	// The entry's first 1.5 s are a start that takes longer than the timeout of 1 s, every time.
	const files = (/** @type {number} */ port) => ({ "main.js": `await new Promise(resolve => setTimeout(resolve, 1500));\n${serverSource(port)}`, "text.js": textSource("one") });
	const { project, app, url, loop } = await startServing(t, files, [ "--stuck-timeout=1" ]);
	await project.edit("text.js", textSource("two"));
	await app.waitFor(restartLine, { stream: "stderr" });
	await untilServes(url, "two");
	t.false(app.lines.stderr.some(line => line.includes("was not ready")), app.lines.stderr.join("\n"));
	t.deepEqual((await loop.stop()).failures, []);
});

test("a restarted app that does not get ready is stopped after --stuck-timeout, and the previous one keeps serving", async t => {
	const files = (/** @type {number} */ port) => ({ "main.js": serverSource(port), "text.js": textSource("one") });
	const { project, app, url, loop } = await startServing(t, files, [ "--stuck-timeout=2" ]);
	await project.edit("text.js", `${textSource("hanging")}setInterval(() => {}, 1000);\nawait new Promise(() => {});\n`);
	// 2 s, or three times the first start when that was slower (a loaded machine).
	await app.waitFor(/^\[hot\] The restarted app was not ready after \d+(\.\d)?s and was stopped; the previous app keeps running\. Waiting for the next save\.$/, { stream: "stderr" });
	t.is((await httpGet(url)).body, "one");
	await project.edit("text.js", textSource("two"));
	await app.waitFor(restartLine, { stream: "stderr" });
	await untilServes(url, "two");
	t.deepEqual((await loop.stop()).failures, []);
});
