// The side-effect sentinel's autoDispose (issue 18, docs/semantics.md §5.10): what a replaced
// module left running after its dispose handlers is stopped. Code, not fixtures: that an interval
// stopped is a line that never comes again among lines that keep coming, and that a server
// stopped is a refused connection. What the warning says is in fixtures/sentinel/.
import anyTest from "ava";
import { createProject, freePort, httpGet, loadedLine, queuedTest } from "../harness/index.js";

const test = queuedTest(anyTest);

/**
 * The warning's first line.
 * @param {string} file
 * @param {string} summary
 * @param {boolean} [stopped] autoDispose stopped them
 */
function leftLine(file, summary, stopped = false) {
	const outcome = stopped ? "stopped them (autoDispose)" : "they keep running (autoDispose: true would stop them)";
	return `[hot] ${file} left ${summary} running after its dispose handlers; ${outcome}:`;
}

/**
 * A module with an interval and an HTTP server, the server on `port` (0: any).
 * @param {number} version
 * @param {number} [port]
 */
function intervalAndServer(version, port = 0) {
	return `import { createServer } from "node:http";
import.meta.hot.accept();
setInterval(() => console.log("tick ${version}"), 20);
createServer((request, response) => response.end("v${version}")).listen(${port}, "127.0.0.1", () => console.log("listening ${version}"));
`;
}

test("autoDispose: the old interval stops ticking and the old server stops accepting, before the new one listens on its port", async t => {
	const port = await freePort();
	const project = await createProject(t, {
		"register.js": 'import { register } from "dynohot";\nregister({ autoDispose: true });\n',
		"main.js": intervalAndServer(1, port),
	});
	const app = project.start("main.js", { hot: false, nodeOptions: [ "--import", "./register.js" ] });
	await app.waitFor("listening 1");
	t.is((await httpGet(`http://127.0.0.1:${port}/`)).body, "v1");
	await project.edit("main.js", intervalAndServer(2, port));
	await app.waitFor(leftLine("main.js", "1 interval, 1 server", true), { stream: "stderr" });
	// The new version listens on the port the old server had: it was closed before.
	await app.waitFor("listening 2");
	t.is((await httpGet(`http://127.0.0.1:${port}/`)).body, "v2");
	// Once the new interval ticks, the old one never does again.
	await app.waitFor("tick 2");
	await app.waitFor("tick 2");
	await app.waitFor("tick 2");
	const afterUpdate = app.lines.stdout.slice(app.lines.stdout.indexOf("tick 2"));
	t.false(afterUpdate.includes("tick 1"), afterUpdate.join("\n"));
	await app.waitFor(loadedLine(1, 0), { stream: "stderr" });
	t.deepEqual(app.lines.stderr.slice(1, 3), [ "  interval created at main.js:3", "  server created at main.js:4" ]);
});

test("autoDispose: the old server on another port stops accepting, and child processes and workers are stopped", async t => {
	const [ oldPort, newPort ] = [ await freePort(), await freePort() ];
	const source = (/** @type {number} */ version, /** @type {number} */ port) => `import { spawn } from "node:child_process";
import { createServer } from "node:http";
import { Worker } from "node:worker_threads";
import.meta.hot.accept();
// The child ends by itself once the app is gone, so the one left running (version 2's) does not outlive the test.
const child = spawn(process.execPath, [ "-e", "setInterval(() => { try { process.kill(Number(process.argv[1]), 0); } catch { process.exit(); } }, 200)", String(process.pid) ], { stdio: "ignore" });
child.on("exit", (code, signal) => console.log("child ${version} exited", signal));
const worker = new Worker("setInterval(() => {}, 1000)", { eval: true });
worker.on("exit", () => console.log("worker ${version} exited"));
createServer((request, response) => response.end("v${version}")).listen(${port}, "127.0.0.1", () => console.log("listening ${version}"));
`;
	const project = await createProject(t, {
		"register.js": 'import { register } from "dynohot";\nregister({ autoDispose: true });\n',
		"main.js": source(1, oldPort),
	});
	const app = project.start("main.js", { hot: false, nodeOptions: [ "--import", "./register.js" ] });
	await app.waitFor("listening 1");
	await project.edit("main.js", source(2, newPort));
	await app.waitFor("listening 2");
	await app.until(() => app.lines.stdout.includes("child 1 exited SIGTERM") && app.lines.stdout.includes("worker 1 exited"), "the old child and worker to exit");
	t.is((await httpGet(`http://127.0.0.1:${newPort}/`)).body, "v2");
	await t.throwsAsync(httpGet(`http://127.0.0.1:${oldPort}/`), { code: "ECONNREFUSED" });
	t.deepEqual(app.lines.stderr.slice(0, 4), [
		leftLine("main.js", "1 server, 1 child process, 1 worker", true),
		"  child process created at main.js:6",
		"  worker created at main.js:8",
		"  server created at main.js:10",
	]);
	t.false(app.lines.stdout.includes("child 2 exited SIGTERM"));
});

test("the dynohot command: --auto-dispose stops what a replaced module left running", async t => {
	const project = await createProject(t, { "main.js": intervalAndServer(1) });
	const app = project.command("main.js", { options: [ "--auto-dispose" ] });
	await app.waitFor("listening 1");
	await project.edit("main.js", intervalAndServer(2));
	await app.waitFor(leftLine("main.js", "1 interval, 1 server", true), { stream: "stderr" });
	await app.waitFor("listening 2");
	await app.waitFor("tick 2");
	await app.waitFor("tick 2");
	const afterUpdate = app.lines.stdout.slice(app.lines.stdout.indexOf("tick 2"));
	t.false(afterUpdate.includes("tick 1"), afterUpdate.join("\n"));
});

test("sentinel: false in the loader's data: no warning; autoDispose still stops what was left", async t => {
	const project = await createProject(t, {
		"setup.js": 'import { register } from "node:module";\nregister("dynohot/loader", { parentURL: import.meta.url, data: { sentinel: false, autoDispose: true } });\n',
		"main.js": intervalAndServer(1),
	});
	const app = project.start("main.js", { hot: false, nodeOptions: [ "--no-deprecation", "--import", "./setup.js" ] });
	await app.waitFor("listening 1");
	await project.edit("main.js", intervalAndServer(2));
	await app.waitFor("listening 2");
	await app.waitFor(loadedLine(1, 0), { stream: "stderr" });
	await app.waitFor("tick 2");
	await app.waitFor("tick 2");
	const afterUpdate = app.lines.stdout.slice(app.lines.stdout.indexOf("tick 2"));
	t.false(afterUpdate.includes("tick 1"), afterUpdate.join("\n"));
	t.deepEqual(app.lines.stderr.filter(line => !/^\[hot\] Loaded /.test(line)), []);
});
