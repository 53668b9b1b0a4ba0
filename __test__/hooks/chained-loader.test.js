// A loader earlier in the chain that rewrites sources (as a TypeScript loader does): dynohot
// transforms what that loader answers, and loads every later version through the hooks again,
// because the file on disk is not what runs. The loader here (harness/rewriting-loader.js) is a
// small one of the tests' own: it strips the few annotations the project uses and replaces a token.
// `tsx` and `@loaderkit/ts` behave the same way; see the report of this change.
import test from "ava";
import { createProject, rewritingLoader, rewritingLoaderOptions } from "../harness/index.js";

const project = {
	...rewritingLoader,
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
	const app = files.start("main.ts", { nodeOptions: rewritingLoaderOptions });
	await app.waitFor("value 1 rewritten 1");
	await files.edit("dep.ts", "export const value: number = 2;\n");
	await app.waitFor(loaded, { stream: "stderr" });
	await app.waitFor("value 2 rewritten 1");
	await files.edit("rewrite/extra.js", 'export const marker = __LOADER__ + " 2";\n');
	await app.waitFor(loaded, { stream: "stderr" });
	await app.waitFor("value 2 rewritten 2");
	t.deepEqual(app.takeLines("stderr"), []);
});
