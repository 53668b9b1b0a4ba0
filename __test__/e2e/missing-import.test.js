// Two situations a user runs into while editing a running application:
// - An importer saved before the file it newly imports exists: the update fails to load
//   (ERR_MODULE_NOT_FOUND, the last good version keeps running), and creating the file retries it,
//   as if the importer had been saved again (src/runtime/watch/missing-imports.ts). Here behind
//   a loader that rewrites sources, whose files the harness provides; the other cases are
//   __test__/behaviour/fixtures/files/missing-import-*.
// - A dispose handler whose promise does not settle (a server waiting for an open connection):
//   the update keeps waiting for it, and after a while one `[hot]` line says what it waits for
//   (src/runtime/update/slow-handler.ts). The test holds a connection open and closes it later.
import anyTest from "ava";
import * as http from "node:http";
import { createProject, freePort, httpGet, loadedLine, queuedTest, rewritingLoader, rewritingLoaderOptions } from "../harness/index.js";

const test = queuedTest(anyTest);

/** Prints the first line of every diagnostic, formatted, to stdout: how a silent application sees them. */
const messageListener = [
	'import { format } from "node:util";',
	'import.meta.hot.on("message", (message, ...params) => console.log(`message: ${format(message, ...params).split("\\n")[0]}`));',
];

/**
 * app.js importing `imports` (lines) and printing `expression`.
 * @param {string[]} imports
 * @param {string} expression
 */
function appSource(imports, expression) {
	return [ ...imports, `console.log(${expression});`, "import.meta.hot.accept();", "" ].join("\n");
}

/**
 * Waits for the load error of the importer naming the file it did not find; consumes its lines.
 * @param {import("../harness/index.js").App} app
 * @param {import("../harness/index.js").Project} project
 * @param {string} missing relative path of the file that does not exist
 * @param {string} [importer] relative path of the module whose load failed
 */
async function expectMissing(app, project, missing, importer = "app.js") {
	await app.waitFor(`[hot] Error while loading the changed file ${importer}:`, { stream: "stderr" });
	const quoted = project.path(missing).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
	await app.waitFor(new RegExp(`^Error \\[ERR_MODULE_NOT_FOUND\\]: Cannot find module '${quoted}'`), { stream: "stderr" });
	// The rest of the report: stack frames and the error's properties.
	await app.waitFor("}", { stream: "stderr" });
}

test("behind a loader that rewrites sources, creating the missing file applies the update once", async t => {
	// Versions of a rewritten module load through the hooks at a new URL each: on Node 20 a URL
	// whose module failed to link keeps failing, so a retry must not reuse it.
	const project = await createProject(t, {
		...rewritingLoader,
		"main.js": 'import "./rewrite/app.js";\n',
		"rewrite/app.js": appSource([], "`app 1 ${__LOADER__}`"),
	});
	const app = project.start("main.js", { nodeOptions: rewritingLoaderOptions });
	await app.waitFor("app 1 rewritten");
	await project.edit("rewrite/app.js", appSource([ 'import { later } from "./later.js";' ], "`app 2 ${__LOADER__} ${later}`"));
	await expectMissing(app, project, "rewrite/later.js", "rewrite/app.js");
	await project.edit("rewrite/later.js", 'export const later = "later 1";\n');
	await app.waitFor(loadedLine(2, 0), { stream: "stderr" });
	await app.waitFor("app 2 rewritten later 1");
	// One more save: whatever a retry printed in between would come before its report.
	await project.edit("rewrite/later.js", 'export const later = "later 2";\n');
	await app.waitFor(loadedLine(1, 1), { stream: "stderr" });
	t.deepEqual(app.takeLines("stdout"), [ "app 2 rewritten later 2" ]);
	t.deepEqual(app.takeLines("stderr"), []);
});

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

const slowDisposeHint = "[hot] The update is waiting for a dispose handler of server.js, which has not settled after 5s. " +
	"An HTTP server's close() waits for its open connections: call server.closeAllConnections() as well.";

test("a dispose handler that does not settle gets a hint, and the update completes once it settles", async t => {
	const port = await freePort();
	const project = await createProject(t, { "server.js": serverSource(1) });
	const app = project.start("server.js", { env: { PORT: String(port) } });
	await app.waitFor("listening 1");
	const events = await openEventStream(port);

	await project.edit("server.js", serverSource(2));
	await app.waitFor(slowDisposeHint, { stream: "stderr" });
	// The update still waits: the old server is closing, the new version has not run.
	t.deepEqual(app.takeLines("stdout"), []);
	t.deepEqual(app.takeLines("stderr"), []);

	// The client leaves: the server closes, the handler settles and the update goes on.
	events.destroy();
	await app.waitFor("closed 1");
	await app.waitFor(loadedLine(1, 0), { stream: "stderr" });
	await app.waitFor("listening 2");
	t.is((await httpGet(`http://127.0.0.1:${port}/`)).body, "version 2");
	t.deepEqual(app.takeLines("stdout"), []);
	t.deepEqual(app.takeLines("stderr"), []);
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
	await untilPrinted(app, [ /^listening 2$/, /^message: Loaded 1 new module, reevaluated 0 existing modules in \d+ms\.$/ ]);
	t.deepEqual(app.lines.stderr, [], app.output());
});
