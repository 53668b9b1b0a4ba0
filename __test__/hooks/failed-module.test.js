// A hot module whose source does not parse (src/hooks/failed-module.ts): the load hook answers a
// module that throws the SyntaxError in the thread that uses it, in both hook styles; only a
// bindings module, which Node links before anything runs, is a load error.
import test from "ava";
import { readFileSync } from "node:fs";
import * as fs from "node:fs/promises";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { runAsync, runSync } from "../../dist/hooks/drive.js";
import { createHooks } from "../../dist/hooks/hooks.js";

async function directory(t) {
	const root = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), "dynohot-failed-")));
	t.teardown(() => fs.rm(root, { recursive: true, force: true }));
	await fs.writeFile(path.join(root, "package.json"), JSON.stringify({ type: "module" }));
	return root;
}

function nodeLikeLoad(url) {
	return { format: url.endsWith(".json") ? "json" : "module", source: readFileSync(new URL(url)) };
}

function nodeLikeResolve(specifier, context) {
	return { url: new URL(specifier, context.parentURL).href, format: specifier.endsWith(".json") ? "json" : "module" };
}

const styles = {
	sync: {
		resolve: (hooks, specifier, context) => runSync(hooks.resolve(specifier, context, nodeLikeResolve)),
		load: (hooks, url, context) => runSync(hooks.load(url, context, nodeLikeLoad)),
	},
	async: {
		resolve: (hooks, specifier, context) => runAsync(hooks.resolve(specifier, context, async (...args) => nodeLikeResolve(...args))),
		load: (hooks, url, context) => runAsync(hooks.load(url, context, async (...args) => nodeLikeLoad(...args))),
	},
};

const importContext = parentURL => ({ conditions: [ "node", "import" ], importAttributes: {}, parentURL });
const loadContext = () => ({ conditions: [ "node", "import" ], format: "module", importAttributes: {} });

/** Evaluates a generated module (written next to the project) and answers its namespace. */
async function evaluate(root, name, source) {
	const file = path.join(root, name);
	await fs.writeFile(file, source);
	return import(pathToFileURL(file).href);
}

for (const [ style, { resolve, load } ] of Object.entries(styles)) {
	test(`${style}: the stub of a module that does not parse throws its SyntaxError when the runtime asks for it`, async t => {
		const root = await directory(t);
		await fs.writeFile(path.join(root, "broken.js"), "const x = 1;\nexport const = 1;\n");
		const hooks = createHooks({});
		const parent = pathToFileURL(path.join(root, "main.js")).href;
		const { url } = await resolve(hooks, "dynohot:request?specifier=.%2Fbroken.js", importContext(parent));
		const stub = await load(hooks, url, loadContext());
		t.is(stub.format, "module");
		const namespace = await evaluate(root, "stub.mjs", stub.source);
		const error = t.throws(() => namespace.default(), { instanceOf: SyntaxError });
		const file = pathToFileURL(path.join(root, "broken.js")).href;
		t.like(error, { file, line: 2, column: 14 });
		t.true(error.message.endsWith(` (${file}:2:14)`), error.message);
		t.true(error.codeFrame.includes("> 2 | export const = 1;"), error.codeFrame);
	});

	test(`${style}: the stub of JSON that does not parse throws a SyntaxError with its position and a code frame`, async t => {
		const root = await directory(t);
		await fs.writeFile(path.join(root, "broken.json"), "{\n  \"a\": 1,\n}\n");
		const hooks = createHooks({});
		const parent = pathToFileURL(path.join(root, "main.js")).href;
		const { url } = await resolve(hooks, "dynohot:request?specifier=.%2Fbroken.json&with=type%3Djson", importContext(parent));
		const stub = await load(hooks, url, loadContext());
		const namespace = await evaluate(root, "stub.mjs", stub.source);
		const error = t.throws(() => namespace.default(), { instanceOf: SyntaxError });
		t.like(error, { file: pathToFileURL(path.join(root, "broken.json")).href, line: 3, column: 1 });
		t.is(error.codeFrame, "  1 | {\n  2 |   \"a\": 1,\n> 3 | }\n    | ^");
	});

	test(`${style}: the plain URL of a module that does not parse throws when evaluated; its bindings module fails to load`, async t => {
		const root = await directory(t);
		await fs.writeFile(path.join(root, "broken.js"), "const y = ;\n");
		const hooks = createHooks({});
		const url = pathToFileURL(path.join(root, "broken.js")).href;
		await resolve(hooks, url, importContext(undefined));
		const facade = await load(hooks, url, loadContext());
		const error = await t.throwsAsync(evaluate(root, "facade.mjs", facade.source), { instanceOf: SyntaxError });
		t.like(error, { file: url, line: 1, column: 11 });
		const bindings = `dynohot:bindings?url=${encodeURIComponent(url)}`;
		await t.throwsAsync(async () => load(hooks, bindings, loadContext()), { instanceOf: SyntaxError, message: /\(file:.*broken\.js:1:11\)$/ });
	});
}
