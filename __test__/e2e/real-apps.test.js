// Small but realistic applications (in ./real-apps), run as a user runs them and edited the way a
// user edits them: each test checks what the user sees (responses, `[hot]` lines, error reports,
// exit codes) through a whole session of edits.
import anyTest from "ava";
import * as fs from "node:fs/promises";
import * as net from "node:net";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { createProject, freePort, httpGet, loadedLine, queuedTest, registerSpecifier } from "../harness/index.js";

const applications = fileURLToPath(new URL("real-apps/", import.meta.url));
const test = queuedTest(anyTest);

/**
 * The files of the application in `real-apps/<name>`, relative path → content.
 * @param {string} name
 */
async function applicationFiles(name) {
	const root = path.join(applications, name);
	/** @type {Record<string, string>} */
	const files = {};
	for (const entry of await fs.readdir(root, { recursive: true, withFileTypes: true })) {
		if (entry.isFile()) {
			const file = path.join(entry.parentPath, entry.name);
			files[path.relative(root, file).split(path.sep).join("/")] = await fs.readFile(file, "utf8");
		}
	}
	return files;
}

/**
 * A line-based TCP client: `ask(line)` sends a line and resolves with the next line answered.
 * @param {number} port
 */
async function lineClient(port) {
	const socket = net.connect(port, "127.0.0.1");
	await new Promise((resolve, reject) => {
		socket.once("connect", resolve);
		socket.once("error", reject);
	});
	socket.setEncoding("utf8");
	/** @type {string[]} */
	const answers = [];
	/** @type {((line: string) => void)[]} */
	const waiting = [];
	let partial = "";
	socket.on("data", (/** @type {string} */ chunk) => {
		const parts = (partial + chunk).split("\n");
		partial = parts.pop() ?? "";
		for (const line of parts) {
			const next = waiting.shift();
			if (next) {
				next(line);
			} else {
				answers.push(line);
			}
		}
	});
	return {
		socket,
		/** @param {string} line */
		ask(line) {
			socket.write(`${line}\n`);
			const early = answers.shift();
			return early === undefined
				? new Promise(resolve => waiting.push(resolve))
				: Promise.resolve(early);
		},
	};
}

test("a TCP service keeps its server, its open connections and its state across reloads; Ctrl-C ends it with its exit code", async t => {
	const port = await freePort();
	const project = await createProject(t, await applicationFiles("socket-server"));
	const protocol = await project.read("protocol.js");
	const app = project.start("main.js", { env: { PORT: String(port) }, keepAlive: false });
	await app.waitFor("listening");
	const client = await lineClient(port);
	t.teardown(() => client.socket.destroy());
	t.is(await client.ask("a"), "v1 a #1");

	// The handler changes: the connection opened before the reload is answered by the new code.
	await project.edit("protocol.js", protocol.replace("v1", "v2"));
	await app.waitFor(loadedLine(1, 1), { stream: "stderr" });
	t.is(await client.ask("b"), "v2 b #2");

	// The state module itself is reloaded: the new instance takes the counter over.
	await project.edit("state.js", `${await project.read("state.js")}state.reloaded = true;\n`);
	await app.waitFor(loadedLine(1, 1), { stream: "stderr" });
	t.is(await client.ask("c"), "v2 c #3");

	// A syntax error is reported with its place and a code frame; the service goes on unchanged.
	await project.edit("protocol.js", protocol.replace("v1 ${line}", "v3 ${line"));
	await app.waitFor(/^\[hot\] Error while loading the changed file protocol\.js:$/, { stream: "stderr" });
	await app.waitFor(/^SyntaxError: .* \(file:\/\/.*\/protocol\.js:2:\d+\)$/, { stream: "stderr" });
	await app.waitFor(/^> 2 \| \s*return `v3 \$\{line #\$\{state\.requests\}`;$/, { stream: "stderr" });
	t.is(await client.ask("d"), "v2 d #4");
	await project.edit("protocol.js", protocol.replace("v1", "v4"));
	await app.waitFor(loadedLine(1, 1), { stream: "stderr" });
	t.is(await client.ask("e"), "v4 e #5");

	t.deepEqual(app.lines.stdout, [
		"main evaluated after 0 requests",
		"listening",
		"main evaluated after 1 requests",
		"main evaluated after 2 requests",
		"main evaluated after 4 requests",
	], app.output());
	t.deepEqual(app.takeLines("stderr").filter(line => !/^ {2}\d+ \| |^ {4}\| /.test(line)), [], app.output());

	// The SIGINT handler of the running instance closes everything; nothing of dynohot's keeps
	// the process alive, and the exit code the application set is the process's.
	app.child.kill("SIGINT");
	t.deepEqual(await app.waitForExit(), { code: 3, signal: null }, app.output());
	t.deepEqual(app.takeLines("stderr"), [], app.output());
});

test("a TypeScript HTTP server: edits, a syntax error, a renamed file and a stack trace that points at the .ts source", async t => {
	const port = await freePort();
	const project = await createProject(t, await applicationFiles("typescript-server"));
	const url = (/** @type {string} */ route) => `http://127.0.0.1:${port}${route}`;
	const app = project.start("main.ts", { env: { PORT: String(port) }, nodeOptions: [ "--enable-source-maps" ] });
	await app.waitFor(`listening on ${port}`);
	t.deepEqual(await httpGet(url("/color")), { status: 200, body: "color=red primary=green" });
	t.deepEqual(await httpGet(url("/greet/ann")), { status: 200, body: "hello ann!" });

	// An enum and a namespace change; main.ts accepts, closes its server and listens again.
	await project.edit("src/colors.ts", (await project.read("src/colors.ts"))
		.replace('Red = "red"', 'Red = "RED"')
		.replace("primary: Color = Color.Green", "primary: Color = Color.Red"));
	await app.waitFor(loadedLine(1, 1), { stream: "stderr" });
	await app.waitFor(`listening on ${port}`);
	t.deepEqual(await httpGet(url("/color")), { status: 200, body: "color=RED primary=RED" });

	// A syntax error in a .ts file: file, line, column and a code frame; the server keeps serving.
	const greet = await project.read("src/lib/greet.ts");
	await project.edit("src/lib/greet.ts", greet.replace('{ end: "!" }', '{ end: "!" '));
	await app.waitFor(/^\[hot\] Error while loading the changed file src\/lib\/greet\.ts:$/, { stream: "stderr" });
	await app.waitFor(/^SyntaxError: .* \(file:\/\/.*\/src\/lib\/greet\.ts:5:45\)$/, { stream: "stderr" });
	await app.waitFor('> 5 | const punctuation: Punctuation = { end: "!" ;', { stream: "stderr" });
	t.deepEqual(await httpGet(url("/greet/ann")), { status: 200, body: "hello ann!" });

	// Fixed, with a handler that throws on line 9: the stack names the .ts file and that line.
	await project.edit("src/lib/greet.ts", greet.replace(
		"\treturn `hello",
		'\tif (name === "nobody") {\n\t\tthrow new Error("no name");\n\t}\n\treturn `hi',
	));
	await app.waitFor(loadedLine(1, 1), { stream: "stderr" });
	await app.waitFor(`listening on ${port}`);
	t.deepEqual(await httpGet(url("/greet/ann")), { status: 200, body: "hi ann!" });
	const failure = await httpGet(url("/greet/nobody"));
	t.is(failure.status, 500);
	t.regex(failure.body, /^at greet \(.*\/src\/lib\/greet\.ts:9:\d+\)$/);

	// The file an import points at is renamed: nothing changes until the import follows it, then
	// the renamed file is the one watched.
	await project.rename("src/lib/greet.ts", "src/lib/hello.ts");
	await project.edit("main.ts", (await project.read("main.ts")).replace("#lib/greet.ts", "#lib/hello.ts"));
	await app.waitFor(loadedLine(2, 0), { stream: "stderr" });
	await app.waitFor(`listening on ${port}`);
	t.deepEqual(await httpGet(url("/greet/ann")), { status: 200, body: "hi ann!" });
	await project.edit("src/lib/hello.ts", (await project.read("src/lib/hello.ts")).replace("`hi", "`howdy"));
	await app.waitFor(loadedLine(1, 1), { stream: "stderr" });
	await app.waitFor(`listening on ${port}`);
	t.deepEqual(await httpGet(url("/greet/ann")), { status: 200, body: "howdy ann!" });
	t.deepEqual(app.takeLines("stderr"), [], app.output());
});

test("a plugin host: start-up output as under plain node, import() of new and edited plugins, a JSON edit, process.exitCode", async t => {
	const files = await applicationFiles("plugin-host");
	const project = await createProject(t, files);
	const start = async (/** @type {boolean} */ hot) => {
		const port = await freePort();
		const app = project.start("main.js", { env: { PORT: String(port) }, hot, keepAlive: false });
		await app.waitFor("listening");
		return { app, url: (/** @type {string} */ route) => `http://127.0.0.1:${port}${route}` };
	};
	const plain = await start(false);
	t.deepEqual(await httpGet(plain.url("/quit")), { status: 200, body: "bye" });
	t.deepEqual(await plain.app.waitForExit(), { code: 7, signal: null }, plain.app.output());

	const { app, url } = await start(true);
	t.deepEqual(app.lines.stdout, plain.app.lines.stdout);
	t.deepEqual(app.lines.stderr, [], app.output());
	t.deepEqual(await httpGet(url("/run/a")), { status: 200, body: "a1 hello" });

	// A self-accepting plugin loaded by import() is replaced; the next import() answers the new one.
	await project.edit("plugins/a.js", files["plugins/a.js"].replace("a1", "a2"));
	await app.waitFor(loadedLine(1, 0), { stream: "stderr" });
	t.deepEqual(await httpGet(url("/run/a")), { status: 200, body: "a2 hello" });

	// A plugin that did not exist at start-up is loaded, and watched from then on.
	await project.edit("plugins/b.js", 'export const run = settings => `b1 ${settings.greeting}`;\nimport.meta.hot?.accept();\n');
	t.deepEqual(await httpGet(url("/run/b")), { status: 200, body: "b1 hello" });
	await project.edit("plugins/b.js", 'export const run = settings => `b2 ${settings.greeting}`;\nimport.meta.hot?.accept();\n');
	await app.waitFor(loadedLine(1, 0), { stream: "stderr" });
	t.deepEqual(await httpGet(url("/run/b")), { status: 200, body: "b2 hello" });

	// The JSON file changes: settings.js is evaluated again and main's handler for "#settings" runs.
	await project.edit("settings.json", '{ "greeting": "bonjour" }\n');
	await app.waitFor(loadedLine(1, 1), { stream: "stderr" });
	await app.waitFor('settings now {"greeting":"bonjour","loadedAt":"start-up"}');
	t.deepEqual(await httpGet(url("/run/a")), { status: 200, body: "a2 bonjour" });

	t.deepEqual(await httpGet(url("/quit")), { status: 200, body: "bye" });
	t.deepEqual(await app.waitForExit(), { code: 7, signal: null }, app.output());
	t.deepEqual(app.takeLines("stderr"), [], app.output());
});

test("worker threads load their modules under dynohot too, each thread reloads its own, Ctrl-C ends both", async t => {
	const project = await createProject(t, await applicationFiles("worker-threads"));
	const app = project.start("main.js", { keepAlive: false });
	await app.waitFor("worker worker-1 (hot: true), main main-1");

	await project.edit("label.js", 'export const label = "main-2";\n');
	await app.waitFor(loadedLine(1, 0), { stream: "stderr" });
	await app.waitFor("worker worker-1 (hot: true), main main-2");

	// The worker's module graph is its own: the worker accepts its dependency, the main thread
	// does not import it at all.
	await project.edit("compute.js", 'export const compute = () => "worker-2";\n');
	await app.waitFor(loadedLine(1, 0), { stream: "stderr" });
	await app.waitFor("worker worker-2 (hot: true), main main-2");
	t.deepEqual(app.takeLines("stderr"), [], app.output());
	t.true(app.lines.stdout.every(line => /^worker worker-[12] \(hot: true\), main main-[12]$/.test(line)), app.output());

	app.child.kill("SIGINT");
	t.deepEqual(await app.waitForExit(), { code: 0, signal: null }, app.output());
	t.deepEqual(app.takeLines("stderr"), [], app.output());
});

for (const { name, entry, extension } of [
	{ name: "fastify-autoload", entry: "main.js", extension: "js" },
	{ name: "fastify-autoload-ts", entry: "main.ts", extension: "ts" },
]) {
	test(`a Fastify server with @fastify/autoload routes (${entry}): route edits, a new route file and a removed one are served`, async t => {
		const port = await freePort();
		const project = await createProject(t, await applicationFiles(name), { packages: [ "fastify", "@fastify/autoload" ] });
		const url = (/** @type {string} */ route) => `http://127.0.0.1:${port}${route}`;
		const app = project.start(entry, { env: { PORT: String(port), FASTIFY_AUTOLOAD_TYPESCRIPT: "1" } });
		await app.waitFor("listening");
		t.deepEqual(await httpGet(url("/hello")), { status: 200, body: "hello, route v1" });

		// The route changes: main, which autoload loaded it for, is evaluated again and serves the
		// new version; again on the second and third edit.
		const hello = `routes/hello.${extension}`;
		const route = await project.read(hello);
		for (const version of [ "v2", "v3" ]) {
			await project.edit(hello, route.replace("v1", version));
			await app.waitFor(loadedLine(1, 1), { stream: "stderr" });
			await app.waitFor("listening");
			t.deepEqual(await httpGet(url("/hello")), { status: 200, body: `hello, route ${version}` });
		}

		// A module the route imports changes: the route and main are evaluated again.
		await project.edit(`lib/greeting.${extension}`, (await project.read(`lib/greeting.${extension}`)).replace('"hello"', '"howdy"'));
		await app.waitFor(loadedLine(1, 2), { stream: "stderr" });
		await app.waitFor("listening");
		t.deepEqual(await httpGet(url("/hello")), { status: 200, body: "howdy, route v3" });

		// A route file is added, then removed.
		const bye = `routes/bye.${extension}`;
		await project.edit(bye, route.replace('"/hello"', '"/bye"').replace("${greeting}", "bye"));
		await app.waitFor(loadedLine(1, 1), { stream: "stderr" });
		await app.waitFor("listening");
		t.deepEqual(await httpGet(url("/bye")), { status: 200, body: "bye, route v1" });
		await project.remove(bye);
		await app.waitFor(loadedLine(0, 1), { stream: "stderr" });
		await app.waitFor("listening");
		t.is((await httpGet(url("/bye"))).status, 404);
		t.deepEqual(await httpGet(url("/hello")), { status: 200, body: "howdy, route v3" });
		t.deepEqual(app.takeLines("stderr"), [], app.output());
	});
}

/**
 * @typedef {object} TypeScriptSession
 * @property {string} name the application in ./real-apps
 * @property {string[]} packages what it imports from this repository's node_modules
 * @property {string} [entry] the file node starts (default src/server.ts)
 * @property {string[]} [nodeOptions] flags before dynohot's `--import` (another loader)
 * @property {string} route the path requested
 * @property {string} handler the file that answers it
 * @property {string} answer the first answer, with "v1" in it
 * @property {(source: string) => string} breakSyntax the handler with a syntax error
 * @property {number} reevaluated how many modules the handler's edits evaluate again
 * @property {(file: string) => RegExp[]} [syntaxErrorReport] the lines, after `[hot] Error while
 *   loading the changed file …:`, that report the syntax error (default: dynohot's, ending in its
 *   code frame)
 * @property {RegExp} [reportDetail] the other lines the report may have (default: code frame lines)
 */

/** @param {string} file */
const dynohotSyntaxError = file => [ new RegExp(`^SyntaxError: .* \\(file://.*/${file}:\\d+:\\d+\\)$`), /^> \d+ \| .*v3/ ];

/**
 * A TypeScript server as its users run it, `node --import dynohot/register src/server.ts`: a
 * request, an edit of the handler, a syntax error (a code frame; the server keeps serving) and its
 * fix, each answered with the text the handler has at that moment.
 * @param {import("ava").ExecutionContext} t
 * @param {TypeScriptSession} session
 */
async function typeScriptSession(t, session) {
	const { name, packages, entry = "src/server.ts", nodeOptions = [], route, handler, answer, breakSyntax, reevaluated } = session;
	const { syntaxErrorReport = dynohotSyntaxError, reportDetail = /^ {2}\d+ \| |^ {4}\| / } = session;
	const port = await freePort();
	const project = await createProject(t, await applicationFiles(name), { packages });
	const url = `http://127.0.0.1:${port}${route}`;
	const app = project.start(entry, { env: { PORT: String(port), FASTIFY_AUTOLOAD_TYPESCRIPT: "1" }, nodeOptions });
	await app.waitFor("listening");
	t.deepEqual(await httpGet(url), { status: 200, body: answer });

	const source = await project.read(handler);
	await project.edit(handler, source.replace("v1", "v2"));
	await app.waitFor(loadedLine(1, reevaluated), { stream: "stderr" });
	await app.waitFor("listening");
	t.deepEqual(await httpGet(url), { status: 200, body: answer.replace("v1", "v2") });

	const file = handler.replaceAll(".", "\\.");
	await project.edit(handler, breakSyntax(source.replace("v1", "v3")));
	await app.waitFor(new RegExp(`^\\[hot\\] Error while loading the changed file ${file}:$`), { stream: "stderr" });
	for (const line of syntaxErrorReport(file)) {
		await app.waitFor(line, { stream: "stderr" });
	}
	t.deepEqual(await httpGet(url), { status: 200, body: answer.replace("v1", "v2") });

	await project.edit(handler, source.replace("v1", "v3"));
	await app.waitFor(loadedLine(1, reevaluated), { stream: "stderr" });
	await app.waitFor("listening");
	t.deepEqual(await httpGet(url), { status: 200, body: answer.replace("v1", "v3") });
	t.deepEqual(app.takeLines("stderr").filter(line => !reportDetail.test(line)), [], app.output());
}

const fastifyNodeNext = {
	name: "fastify-nodenext-ts",
	packages: [ "fastify", "@fastify/autoload" ],
	route: "/hello",
	handler: "src/routes/hello.ts",
	answer: "hello, route v1",
	breakSyntax: (/** @type {string} */ source) => source.replace("route v3`);", "route v3`;"),
	reevaluated: 1,
};

const honoAliases = {
	name: "hono-path-aliases",
	packages: [ "hono", "@hono/node-server" ],
	route: "/hello/ann",
	handler: "src/lib/greet.ts",
	answer: "hello ann, v1",
	breakSyntax: (/** @type {string} */ source) => source.replace("return `", "return (`"),
	reevaluated: 2,
};

test("a Fastify 5 TypeScript server written for NodeNext (`./app.js` is app.ts) runs and reloads as written", async t => {
	await typeScriptSession(t, fastifyNodeNext);
});

test("a Hono server with tsconfig path aliases (`@/lib/greet`), extensionless and folder imports runs and reloads as written", async t => {
	await typeScriptSession(t, honoAliases);
});

test("a Hono server whose pages are .tsx components (`jsxImportSource: \"hono/jsx\"`) serves them and reloads an edited component", async t => {
	await typeScriptSession(t, {
		name: "hono-jsx",
		packages: [ "hono", "@hono/node-server" ],
		entry: "src/server.tsx",
		route: "/hello/ann",
		handler: "src/pages/greeting.tsx",
		answer: "<main><h1>hello ann</h1><p>page v1</p></main>",
		// An unclosed element: the error and its frame point into the JSX.
		breakSyntax: source => source.replace("<p>page v3</p>", "<p>page v3</b>"),
		reevaluated: 1,
	});
});

test("the Hono server with tsx registered before dynohot: tsx resolves and compiles (and reports syntax errors), dynohot reloads", async t => {
	await typeScriptSession(t, {
		...honoAliases,
		packages: [ ...honoAliases.packages, "tsx" ],
		nodeOptions: [ "--import", "tsx" ],
		syntaxErrorReport: file => [ /^Error(?: \[TransformError\])?: Transform failed with 1 error:$/, new RegExp(`/${file}:\\d+:\\d+: ERROR: `) ],
		reportDetail: /^ {4}at /,
	});
});

// Either order works, or the one that does not says which does (issue 16). Where tsx leaves
// dynohot's imports alone (Node 20.6, whose off-thread hooks tsx does not chain into the same way),
// the server runs and answers; elsewhere dynohot says which order works and the process ends.
test("tsx registered after dynohot: the server answers, or one sentence says which order works and the process ends", async t => {
	const project = await createProject(t, await applicationFiles("hono-path-aliases"), { packages: [ ...honoAliases.packages, "tsx" ] });
	const port = await freePort();
	const app = project.start("src/server.ts", { hot: false, keepAlive: false, nodeOptions: [ "--import", registerSpecifier(), "--import", "tsx" ], env: { PORT: String(port) } });
	const outcome = await Promise.race([
		app.waitForExit().then(() => "exited"),
		app.waitFor("listening").then(() => "listening"),
	]);
	if (outcome === "listening") {
		const { status, body } = await httpGet(`http://127.0.0.1:${port}${honoAliases.route}`);
		t.deepEqual({ status, body }, { status: 200, body: honoAliases.answer }, app.output());
		t.deepEqual(app.takeLines("stderr"), [], app.output());
		return;
	}
	t.deepEqual(app.exit, { code: 1, signal: null }, app.output());
	t.deepEqual(app.takeLines("stderr"), [
		"dynohot: another loader registered after dynohot changed dynohot's imports; register it first, as in `node --import tsx --import dynohot/register main.ts`.",
	], app.output());
	t.deepEqual(app.lines.stdout, [], app.output());
});
