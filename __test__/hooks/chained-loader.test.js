// A loader earlier in the chain that rewrites sources (as a TypeScript loader does): dynohot
// transforms what that loader answers, and loads every later version through the hooks again,
// because the file on disk is not what runs. The loader here is a small one of the test's own
// (no network in tests): it strips the few annotations the project uses and replaces a token.
// `tsx` and `@loaderkit/ts` behave the same way; see the report of this change.
import test from "ava";
import { createProject } from "../harness/index.js";

const loader = {
	"loader/register.js": [
		'import * as nodeModule from "node:module";',
		'const hooks = new URL("./hooks.js", import.meta.url);',
		"// In the same chain as dynohot: in-thread where Node has it, else off-thread.",
		"if (nodeModule.registerHooks) {",
		"	const { resolve, load } = await import(hooks);",
		"	nodeModule.registerHooks({ resolve, load });",
		"} else {",
		"	nodeModule.register(hooks);",
		"}",
		"",
	].join("\n"),
	"loader/hooks.js": [
		'import { readFileSync } from "node:fs";',
		'import { fileURLToPath } from "node:url";',
		"const rewritten = url => /\\.ts$/.test(new URL(url).pathname) || url.includes('/rewrite/');",
		"export function resolve(specifier, context, next) {",
		"	return next(specifier, context);",
		"}",
		"export function load(url, context, next) {",
		"	if (!url.startsWith('file:') || !rewritten(url)) {",
		"		return next(url, context);",
		"	}",
		"	const source = readFileSync(fileURLToPath(url), 'utf8')",
		"		.replace(/: (?:number|void)\\b/g, '')",
		"		.replaceAll('__LOADER__', JSON.stringify('rewritten'));",
		"	return { format: 'module', source, shortCircuit: true };",
		"}",
		"",
	].join("\n"),
};

const project = {
	...loader,
	"main.ts": [
		'import { value } from "./dep.ts";',
		'import { marker } from "./rewrite/extra.js";',
		'const show = (): void => console.log("value", value, marker);',
		"show();",
		'import.meta.hot.accept([ "./dep.ts", "./rewrite/extra.js" ], show);',
		"",
	].join("\n"),
	"dep.ts": "export const value: number = 1;\n",
	// Not JavaScript until the loader has replaced the token: run from the file, it would throw.
	"rewrite/extra.js": 'export const marker = __LOADER__ + " 1";\n',
};

const loaded = /^\[hot\] Loaded 1 new module, reevaluated 0 existing modules in \d+ms\.$/;

test("the loader's output is what runs, at startup and after each edit", async t => {
	const files = await createProject(t, project);
	const app = files.start("main.ts", { nodeOptions: [ "--import", "./loader/register.js" ] });
	await app.waitFor("value 1 rewritten 1");
	await files.edit("dep.ts", "export const value: number = 2;\n");
	await app.waitFor(loaded, { stream: "stderr" });
	await app.waitFor("value 2 rewritten 1");
	await files.edit("rewrite/extra.js", 'export const marker = __LOADER__ + " 2";\n');
	await app.waitFor(loaded, { stream: "stderr" });
	await app.waitFor("value 2 rewritten 2");
	t.deepEqual(app.takeLines("stderr"), []);
});
