// The examples of the product description, run as a user would run them: real files, real edits,
// a real node process under `--import dynohot/register`, the real watcher.
import anyTest from "ava";
import { createClient } from "redis";
import { createProject, freePort, httpGet, loadedLine, queuedTest, startRedis } from "../harness/index.js";

const test = queuedTest(anyTest);

const isoTimestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

test("touching now.js reloads it and the printed timestamp changes", async t => {
	const project = await createProject(t, {
		"main.js": [
			'import { now } from "./now.js";',
			"setInterval(() => console.log(now), 1000);",
			'import.meta.hot.accept("./now.js");',
		].join("\n"),
		"now.js": "export const now = new Date();\n",
	});
	const app = project.start("main.js");
	let previous = (await app.waitFor(isoTimestamp))[0];
	for (let round = 0; round < 3; ++round) {
		await project.touch("now.js");
		const line = await app.waitFor(/^\[hot\] /, { stream: "stderr" });
		t.regex(line.input ?? "", /^\[hot\] Loaded 1 new module, reevaluated 0 existing modules in \d+ms\.$/);
		// Printing continues every second; the first line that differs must be the new timestamp.
		const next = await app.until(() => {
			const fresh = app.takeLines("stdout");
			t.true(fresh.every(value => isoTimestamp.test(value)), app.output());
			return fresh.find(value => value !== previous);
		}, "a new timestamp");
		t.true(new Date(next) > new Date(previous), `${next} after ${previous}`);
		previous = next;
	}
	t.deepEqual(app.lines.stderr.filter(line => !loadedLine(1, 0).test(line)), [], app.output());
});

test("a self-accepting HTTP server closes in dispose and serves the new code in the same process", async t => {
	const port = await freePort();
	const project = await createProject(t, {
		"main.js": [
			'import { createServer } from "node:http";',
			'import { someMiddlewareProvider } from "./the-rest-of-your-app.js";',
			"const server = createServer();",
			'server.on("request", someMiddlewareProvider);',
			"server.listen(Number(process.env.PORT), () => console.log(`listening ${process.pid}`));",
			"import.meta.hot?.accept();",
			"import.meta.hot?.dispose(() => {",
			"\tserver.close();",
			"});",
		].join("\n"),
		"the-rest-of-your-app.js": [
			"export function someMiddlewareProvider(request, response) {",
			"\tresponse.end(`first ${process.pid}`);",
			"}",
		].join("\n"),
	});
	const app = project.start("main.js", { env: { PORT: String(port) } });
	const pid = (await app.waitFor(/^listening (\d+)$/))[1];
	t.deepEqual(await httpGet(`http://127.0.0.1:${port}/`), { status: 200, body: `first ${pid}` });

	await project.edit("the-rest-of-your-app.js", [
		"export function someMiddlewareProvider(request, response) {",
		"\tresponse.end(`second ${process.pid}`);",
		"}",
	].join("\n"));
	// The edited module is new; main.js is re-evaluated with unchanged code.
	await app.waitFor(loadedLine(1, 1), { stream: "stderr" });
	t.is((await app.waitFor(/^listening (\d+)$/))[1], pid);
	t.deepEqual(await httpGet(`http://127.0.0.1:${port}/`), { status: 200, body: `second ${pid}` });
	t.deepEqual(app.takeLines("stderr"), [], app.output());
});

test("swappable express middleware is replaced without restarting the server", async t => {
	const port = await freePort();
	const project = await createProject(t, {
		"main.js": [
			'import express from "express";',
			'import yourMiddleware from "./your-middleware.js";',
			"",
			"function makeSwappableMiddleware(initial) {",
			"\tif (import.meta.hot) {",
			"\t\tlet current = initial;",
			"\t\tconst swap = next => {",
			"\t\t\tcurrent = next;",
			"\t\t};",
			"\t\tconst middleware = (...args) => current(...args);",
			"\t\treturn [ swap, middleware ];",
			"\t} else {",
			"\t\tconst swap = () => {",
			'\t\t\tthrow new Error("Middleware is not swappable.");',
			"\t\t};",
			"\t\treturn [ swap, initial ];",
			"\t}",
			"}",
			"",
			"const app = express();",
			"const [ swap, middleware ] = makeSwappableMiddleware(yourMiddleware);",
			"app.use(middleware);",
			'import.meta.hot?.accept("./your-middleware.js", () => {',
			"\tswap(yourMiddleware);",
			"});",
			'app.listen(Number(process.env.PORT), () => console.log("listening"));',
		].join("\n"),
		"your-middleware.js": 'export default function(request, response) { response.send("version 1"); }\n',
	}, { packages: [ "express" ] });
	const app = project.start("main.js", { env: { PORT: String(port) } });
	await app.waitFor("listening");
	t.deepEqual(await httpGet(`http://127.0.0.1:${port}/`), { status: 200, body: "version 1" });

	await project.edit("your-middleware.js", 'export default function(request, response) { response.send("version 2"); }\n');
	await app.waitFor(loadedLine(1, 0), { stream: "stderr" });
	t.deepEqual(await httpGet(`http://127.0.0.1:${port}/`), { status: 200, body: "version 2" });
	// The server kept running: main.js was not evaluated again.
	t.deepEqual(app.lines.stdout, [ "listening" ], app.output());
	t.deepEqual(app.takeLines("stderr"), [], app.output());
});

test("a redis client is handed to the next instance through data", async t => {
	const redis = await startRedis(t);
	const project = await createProject(t, {
		"client.js": [
			'import { createClient } from "redis";',
			"export const client = import.meta.hot?.data?.client ?? await async function() {",
			"\tconst client = createClient({ url: process.env.REDIS_URL });",
			"\tawait client.connect();",
			"\treturn client;",
			"}();",
			"import.meta.hot?.dispose(data => {",
			"\tdata.client = client;",
			"});",
			'export const revision = "first";',
		].join("\n"),
		"main.js": [
			'import { client, revision } from "./client.js";',
			"console.log(`${revision} ${await client.clientId()} ${await client.incr(\"evaluations\")}`);",
			"import.meta.hot?.accept();",
		].join("\n"),
	}, { packages: [ "redis" ] });
	const app = project.start("main.js", { env: { REDIS_URL: redis.url } });
	const [ , id ] = /** @type {RegExpMatchArray} */ (await app.waitFor(/^first (\d+) 1$/));

	await project.edit("client.js", (await project.read("client.js")).replace('"first"', '"second"'));
	await app.waitFor(loadedLine(1, 1), { stream: "stderr" });
	// Same connection (same client id), and the previous one was not closed and replaced.
	await app.waitFor(`second ${id} 2`);
	const observer = createClient({ url: redis.url });
	await observer.connect();
	t.teardown(() => observer.close());
	const clients = String(await observer.sendCommand([ "CLIENT", "LIST" ])).trim().split("\n");
	t.is(clients.length, 2, clients.join("\n"));
	t.deepEqual(app.takeLines("stderr"), [], app.output());
});

test("a module watching its payload file invalidates itself and is re-evaluated", async t => {
	const project = await createProject(t, {
		"payload.bin": "first payload",
		"payload.js": [
			'import fs from "node:fs";',
			'import fsPromises from "node:fs/promises";',
			'export const payload = await fsPromises.readFile("payload.bin");',
			"if (import.meta.hot) {",
			'\tconst watcher = fs.watch("payload.bin", () => {',
			"\t\timport.meta.hot.invalidate();",
			"\t\twatcher.close();",
			"\t});",
			"}",
		].join("\n"),
		"main.js": [
			'import { payload } from "./payload.js";',
			"console.log(`payload: ${payload}`);",
			'import.meta.hot.accept("./payload.js", () => console.log(`updated: ${payload}`));',
		].join("\n"),
	});
	const app = project.start("main.js");
	await app.waitFor("payload: first payload");

	// The example's own fs.watch reads the file on its first event: an in-place write could be seen
	// truncated and still empty, so the payload is replaced whole, the way a download finishes.
	await project.editAtomically("payload.bin", "second payload");
	// payload.js is re-evaluated with unchanged code, main.js only relinked.
	await app.waitFor(loadedLine(0, 1), { stream: "stderr" });
	await app.waitFor("updated: second payload");
	t.deepEqual(app.takeLines("stderr"), [], app.output());

	// The new instance watches again.
	await project.editAtomically("payload.bin", "third payload");
	await app.waitFor(loadedLine(0, 1), { stream: "stderr" });
	await app.waitFor("updated: third payload");
	t.deepEqual(app.takeLines("stdout"), [], app.output());
});

/** A project whose dependency edit is reported through `hot.on("message")` on stdout. */
const messageProject = {
	"main.js": [
		'import { format } from "node:util";',
		'import { value } from "./dep.js";',
		'import.meta.hot.on("message", (message, ...params) => console.log(`message: ${format(message, ...params)}`));',
		"console.log(`value ${value}`);",
		'import.meta.hot.accept("./dep.js", () => console.log(`value ${value}`));',
	].join("\n"),
	"dep.js": "export const value = 1;\n",
};

/**
 * Edits dep.js and checks that the update arrives through `on("message")` and nothing reaches
 * stderr (silent).
 * @param {import("ava").ExecutionContext} t
 * @param {import("../harness/index.js").Project} project
 * @param {import("../harness/index.js").App} app
 */
async function expectSilentUpdate(t, project, app) {
	await app.waitFor("value 1");
	await project.edit("dep.js", "export const value = 2;\n");
	// The accept handler runs first; the update's summary is reported when it has finished.
	await app.waitFor("value 2");
	await app.waitFor(/^message: Loaded 1 new module, reevaluated 0 existing modules in \d+ms\.$/);
	t.deepEqual(app.lines.stderr, [], app.output());
}

test("options through the loaders.js form: module.register(\"dynohot/loader\", { data: { silent: true } })", async t => {
	const project = await createProject(t, {
		...messageProject,
		"loaders.js": [
			'import { register } from "node:module";',
			'register("dynohot/loader", {',
			"\tparentURL: import.meta.url,",
			"\tdata: {",
			"\t\tsilent: true,",
			"\t},",
			"});",
		].join("\n"),
	});
	// Node 26 deprecates module.register (DEP0205) and says so for the user's own call in
	// loaders.js; that warning is Node's, so this form runs with --no-deprecation. The
	// programmatic register() below must print nothing without the flag.
	const app = project.start("main.js", { hot: false, nodeOptions: [ "--no-deprecation", "--import", "./loaders.js" ] });
	await expectSilentUpdate(t, project, app);
});

test("options through register() from dynohot in an imported setup file", async t => {
	const project = await createProject(t, {
		...messageProject,
		"hot.js": 'import { register } from "dynohot";\nregister({ silent: true });\n',
	});
	const app = project.start("main.js", { hot: false, nodeOptions: [ "--import", "./hot.js" ] });
	// No warning either (e.g. DEP0205 for module.register on Node 26): stderr stays empty.
	await expectSilentUpdate(t, project, app);
});

test("--import dynohot activates like dynohot/register", async t => {
	const project = await createProject(t, messageProject);
	const app = project.start("main.js", { hot: false, nodeOptions: [ "--import", "dynohot" ] });
	await app.waitFor("value 1");
	await project.edit("dep.js", "export const value = 2;\n");
	await app.waitFor(loadedLine(1, 0), { stream: "stderr" });
	await app.waitFor("value 2");
	await app.waitFor(/^message: Loaded 1 new module/);
	t.deepEqual(app.takeLines("stderr"), [], app.output());
});
