// The examples of the product description, run as a user would run them: real files, real edits,
// a real node process under `--import dynohot/register`, the real watcher. The ones a list of
// lines and requests can state are __test__/behaviour/fixtures/examples/; these compare values
// across lines (timestamps, process ids) or talk to redis.
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
