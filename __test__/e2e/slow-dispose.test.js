// A dispose handler whose promise does not settle (a server waiting for an open connection): after
// a while one `[hot]` line says what the update waits for; the update goes on when the handler
// settles, and a save before that gives it up and applies (src/runtime/update/watchdog.ts,
// docs/semantics.md §6.5). The tests hold a
// connection open and close it mid-test, which a fixture's steps cannot do.
import anyTest from "ava";
import * as http from "node:http";
import { createProject, freePort, httpGet, loadedLine, queuedTest } from "../harness/index.js";

const test = queuedTest(anyTest);

/** Prints the first line of every diagnostic, formatted, to stdout: how a silent application sees them. */
const messageListener = [
	'import { format } from "node:util";',
	'import.meta.hot.on("message", (message, ...params) => console.log(`message: ${format(message, ...params).split("\\n")[0]}`));',
];

/**
 * Waits until stdout has printed a line matching each of `patterns`, in any order: a server's
 * `listening` callback and the report of the update that started it can come either way round.
 * @param {import("../harness/index.js").App} app
 * @param {RegExp[]} patterns
 */
function untilPrinted(app, patterns) {
	const printed = () => patterns.every(pattern => app.lines.stdout.some(line => pattern.test(line)));
	return app.until(() => printed() ? true : undefined, `stdout to print ${patterns.join(", ")}`);
}

/**
 * An HTTP server whose dispose handler closes it and waits until it has closed, as applications
 * write it; `/events` answers a stream that stays open until the client leaves.
 * @param {number} version
 */
function serverSource(version) {
	return `import * as http from "node:http";
const server = http.createServer((request, response) => {
	if (request.url === "/events") {
		response.writeHead(200, { "content-type": "text/event-stream" });
		response.write("data: hello\\n\\n");
		return;
	}
	response.end("version ${version}");
});
server.listen(Number(process.env.PORT), "127.0.0.1", () => console.log("listening ${version}"));
import.meta.hot.accept();
import.meta.hot.dispose(() => new Promise(resolve => server.close(() => {
	console.log("closed ${version}");
	resolve();
})));
`;
}

/**
 * Opens the event stream and waits for its first event; answers the request, which stays open.
 * @param {number} port
 * @returns {Promise<http.ClientRequest>}
 */
function openEventStream(port) {
	return new Promise((resolve, reject) => {
		const request = http.get(`http://127.0.0.1:${port}/events`, { agent: false }, response => {
			response.once("data", () => resolve(request));
			response.on("error", () => {});
		});
		request.on("error", reject);
	});
}

const slowDisposeHint = "[hot] The update is stuck: the dispose handler of server.js has not settled after 5s. " +
	"It goes on if it settles; the next save gives it up and applies from the last good state. " +
	"An HTTP server's close() waits for its open connections: call server.closeAllConnections() as well.";

/**
 * server.js serving version 1 with a connection held open, then saved as version 2: its dispose
 * handler waits for that connection, and the update has been reported stuck.
 * @param {import("ava").ExecutionContext} t
 */
async function stuckInDispose(t) {
	const port = await freePort();
	const project = await createProject(t, { "server.js": serverSource(1) });
	const app = project.start("server.js", { env: { PORT: String(port) } });
	await app.waitFor("listening 1");
	const events = await openEventStream(port);
	await project.edit("server.js", serverSource(2));
	await app.waitFor(slowDisposeHint, { stream: "stderr" });
	return { port, project, app, events };
}

test("a dispose handler that settles late gets a hint, and the update goes on when it settles", async t => {
	const { port, app, events } = await stuckInDispose(t);
	// The old server is closing; the new version has not run yet.
	t.deepEqual(app.takeLines("stdout"), []);
	t.deepEqual(app.takeLines("stderr"), []);

	// The client leaves: the server closes, the handler settles by itself, and the update goes on.
	events.destroy();
	await app.waitFor("closed 1");
	await untilPrinted(app, [ /^listening 2$/ ]);
	await app.waitFor(loadedLine(1, 0), { stream: "stderr" });
	t.is((await httpGet(`http://127.0.0.1:${port}/`)).body, "version 2");
});

test("a save while a dispose handler is stuck gives the update up and applies from the last good state", async t => {
	const { port, project, app, events } = await stuckInDispose(t);
	// The next save applies from the running instance, whose handlers do not run again; its
	// server stopped listening when close() was called, so the new one takes the port.
	await project.edit("server.js", serverSource(3));
	await app.waitFor("[hot] The update stuck in the dispose handler of server.js is given up: what it had not applied is dropped, and this save applies from the last good state.", { stream: "stderr" });
	await app.waitFor(loadedLine(1, 0), { stream: "stderr" });
	await app.waitFor("listening 3");
	t.is((await httpGet(`http://127.0.0.1:${port}/`)).body, "version 3");
	t.deepEqual(app.takeLines("stderr"), []);
	// The old server still drains its one connection, and closes when the client leaves.
	events.destroy();
	await app.waitFor("closed 1");
	t.deepEqual(app.takeLines("stdout"), []);
});

test("with silent, the hint about a dispose handler reaches message listeners only", async t => {
	const port = await freePort();
	const project = await createProject(t, {
		"hot.js": 'import { register } from "dynohot";\nregister({ silent: true });\n',
		// The listener lives in a module the update does not replace: a disposed instance's
		// listeners end before its dispose handlers run.
		"main.js": [ ...messageListener, 'import "./server.js";', "" ].join("\n"),
		"server.js": serverSource(1),
	});
	const app = project.start("main.js", { hot: false, nodeOptions: [ "--import", "./hot.js" ], env: { PORT: String(port) } });
	await app.waitFor("listening 1");
	const events = await openEventStream(port);
	await project.edit("server.js", serverSource(2));
	await app.waitFor(`message: ${slowDisposeHint.slice("[hot] ".length)}`);
	events.destroy();
	await app.waitFor("closed 1");
	await project.edit("server.js", serverSource(3));
	await untilPrinted(app, [ /^listening 3$/, /^message: Loaded 1 new module, reevaluated 0 existing modules in \d+ms\.$/ ]);
	t.deepEqual(app.lines.stderr, [], app.output());
});
