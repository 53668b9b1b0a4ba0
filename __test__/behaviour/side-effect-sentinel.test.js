// The side-effect sentinel (issue 18, docs/semantics.md §5.10): what a module instance started while
// it was evaluated and still runs after its dispose (or prune) handlers ran is reported in one
// warning, with where each was created; `autoDispose` stops it.
import anyTest from "ava";
import { createProject, freePort, httpGet, loadedLine, queuedTest } from "../harness/index.js";
import { loaded, runBehaviour } from "./scenario.js";

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
 * @param {string} [dispose] its dispose handler's body, if it has one
 * @param {number} [port]
 */
function intervalAndServer(version, dispose, port = 0) {
	return `import { createServer } from "node:http";
import.meta.hot.accept();
const interval = setInterval(() => console.log("tick ${version}"), 20);
const server = createServer((request, response) => response.end("v${version}")).listen(${port}, "127.0.0.1", () => console.log("listening ${version}"));
${dispose === undefined ? "" : `import.meta.hot.dispose(() => { ${dispose} });`}
`;
}

test("a self-accepting module that leaves an interval and a server running gets one warning naming both and their lines", t => runBehaviour(t, {
	files: { "main.js": intervalAndServer(1) },
	steps: [
		{ stdoutIncludes: [ "listening 1" ] },
		{
			edit: { "main.js": `// a line above moves everything down\n${intervalAndServer(2)}` },
			stdoutIncludes: [ "listening 2" ],
			stderr: [ leftLine("main.js", "1 interval, 1 server"), "  interval created at main.js:3", "  server created at main.js:4", loaded(1, 0) ],
		},
		{
			// The lines are those of the version that was replaced.
			touch: [ "main.js" ],
			stdoutIncludes: [ "listening 2" ],
			stderr: [ leftLine("main.js", "1 interval, 1 server"), "  interval created at main.js:4", "  server created at main.js:5", loaded(1, 0) ],
		},
	],
}));

test("a module whose dispose handler stops what it started gets no warning", t => runBehaviour(t, {
	files: { "main.js": intervalAndServer(1, "clearInterval(interval); server.close(); server.closeAllConnections();") },
	steps: [
		{ stdoutIncludes: [ "listening 1" ] },
		{ edit: { "main.js": intervalAndServer(2, "clearInterval(interval); server.close(); server.closeAllConnections();") }, stdoutIncludes: [ "listening 2" ], stderr: [ loaded(1, 0) ] },
	],
}));

test("what a pruned module left running is reported: timers, and listeners on emitters that outlive it", t => runBehaviour(t, {
	files: {
		"main.js": 'import "./poller.js";\nimport.meta.hot.accept();\nconsole.log("main 1");\n',
		"bus.js": 'import { EventEmitter } from "node:events";\nexport const bus = new EventEmitter();\n',
		"poller.js": `import { EventEmitter } from "node:events";
import { bus } from "./bus.js";
const own = new EventEmitter();
own.on("tick", () => {});
setInterval(() => own.emit("tick"), 1000);
bus.on("message", () => {});
process.once("SIGUSR2", () => {});
setTimeout(() => console.log("poller ready"), 0);
`,
	},
	steps: [
		// The timeout that fired is not running any more; the listener on the poller's own emitter goes with it.
		{ stdout: [ "main 1", "poller ready" ] },
		{
			edit: { "main.js": 'import.meta.hot.accept();\nconsole.log("main 2");\n' },
			stdout: [ "main 2" ],
			stderr: [
				leftLine("poller.js", "1 interval, 2 listeners"),
				"  interval created at poller.js:5",
				'  listener "message" on EventEmitter created at poller.js:6',
				'  listener "SIGUSR2" on process created at poller.js:7',
				loaded(1, 0),
			],
		},
	],
}));

test("TypeScript: the lines are the source's, with and without source maps", async t => {
	const source = (/** @type {number} */ version) => `import { createServer, type Server } from "node:http";
interface Options {
	port: number;
}
import.meta.hot!.accept();
const options: Options = { port: 0 };
const interval: NodeJS.Timeout = setInterval((): void => {}, 1000);
const server: Server = createServer((): void => {}).listen(options.port, "127.0.0.1", (): void => console.log("listening ${version}"));
`;
	for (const nodeOptions of [ [], [ "--enable-source-maps" ] ]) {
		const project = await createProject(t, { "main.ts": source(1) });
		const app = project.start("main.ts", { nodeOptions });
		await app.waitFor("listening 1");
		await project.edit("main.ts", source(2));
		await app.waitFor("listening 2");
		await app.waitFor(loadedLine(1, 0), { stream: "stderr" });
		t.deepEqual(app.lines.stderr.slice(0, 3), [
			leftLine("main.ts", "1 interval, 1 server"), "  interval created at main.ts:7", "  server created at main.ts:8",
		], nodeOptions.join(" "));
		await app.stop();
	}
});

test("autoDispose: the old interval stops ticking and the old server stops accepting, before the new one listens on its port", async t => {
	const port = await freePort();
	const project = await createProject(t, {
		"register.js": 'import { register } from "dynohot";\nregister({ autoDispose: true });\n',
		"main.js": intervalAndServer(1, undefined, port),
	});
	const app = project.start("main.js", { hot: false, nodeOptions: [ "--import", "./register.js" ] });
	await app.waitFor("listening 1");
	t.is((await httpGet(`http://127.0.0.1:${port}/`)).body, "v1");
	await project.edit("main.js", intervalAndServer(2, undefined, port));
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
const child = spawn(process.execPath, [ "-e", "setInterval(() => {}, 1000)" ], { stdio: "ignore" });
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
		"  child process created at main.js:5",
		"  worker created at main.js:7",
		"  server created at main.js:9",
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

test("what the body creates until its top-level await settles counts, callbacks included; what a callback creates after that does not", t => runBehaviour(t, {
	files: {
		"main.js": `import.meta.hot.accept();
await new Promise(resolve => setTimeout(resolve, 10));
setInterval(() => {}, 1000);
await new Promise(resolve => setTimeout(() => { setInterval(() => {}, 1000); resolve(); }, 10));
setTimeout(() => { setInterval(() => {}, 1000); console.log("late interval"); }, 50);
`,
	},
	steps: [
		{ stdout: [ "late interval" ] },
		{
			touch: [ "main.js" ],
			stdout: [ "late interval" ],
			stderr: [ leftLine("main.js", "2 intervals"), "  interval created at main.js:3", "  interval created at main.js:4", loaded(1, 0) ],
		},
	],
}));

test("a module that hands something live to the next instance in data is not reported; one that hands over plain data is", t => {
	const handsOver = (/** @type {number} */ version) => `import { createServer } from "node:http";
import.meta.hot.accept();
const server = import.meta.hot.data?.server ?? createServer().listen(0, "127.0.0.1");
const handler = (request, response) => response.end("v${version}");
server.on("request", handler);
const interval = setInterval(() => {}, 1000);
import.meta.hot.dispose(data => {
	data.server = server;
});
console.log("version ${version}");
`;
	const countsOnly = `import.meta.hot.accept();
const count = (import.meta.hot.data?.count ?? 0) + 1;
setInterval(() => {}, 1000);
import.meta.hot.dispose(data => {
	data.count = count;
	data.history = [ { count } ];
});
console.log("count", count);
`;
	return runBehaviour(t, {
		files: { "main.js": handsOver(1), "counter.js": countsOnly, "entry.js": 'import "./main.js";\nimport "./counter.js";\n' },
		entry: "entry.js",
		steps: [
			{ stdout: [ "version 1", "count 1" ] },
			// The interval may be the server's business: what runs is the module's to manage.
			{ edit: { "main.js": handsOver(2) }, stdout: [ "version 2" ], stderr: [ loaded(1, 0) ] },
			{ touch: [ "counter.js" ], stdout: [ "count 2" ], stderr: [ leftLine("counter.js", "1 interval"), "  interval created at counter.js:3", loaded(1, 0) ] },
		],
	});
});
