// Modules that code outside the hot graph imports (a package's `import()` of files it finds, as
// route and plugin loaders do) while a hot module is being evaluated: they are dependencies of
// that module (README, "Modules a package loads for you").
import test from "ava";
import { loaded, runBehaviour } from "./scenario.js";

const loader = {
	"node_modules/fake-autoload/package.json": JSON.stringify({ name: "fake-autoload", type: "module", exports: "./index.js" }),
	"node_modules/fake-autoload/index.js": `import { readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
export async function load(dir) {
	const loaded = {};
	for (const file of readdirSync(dir).sort()) {
		loaded[file] = (await import(pathToFileURL(join(dir, file)).href)).default;
	}
	return loaded;
}
let fresh = 0;
export async function loadFresh(dir) {
	const loaded = {};
	for (const file of readdirSync(dir).sort()) {
		loaded[file] = (await import(pathToFileURL(join(dir, file)).href + "?fresh=" + ++fresh)).default;
	}
	return loaded;
}
export function loadLater(url, then) {
	setTimeout(() => import(url).then(then), 10);
}`,
};

const routesMain = `import { load } from "fake-autoload";
const routes = await load(new URL("./routes", import.meta.url).pathname);
console.log(Object.entries(routes).map(([ file, text ]) => file + "=" + text).join(" "));
import.meta.hot?.accept();`;

test("a module a package loads while a hot module evaluates: edits, new files and removed files reach that module", t => runBehaviour(t, {
	files: {
		...loader,
		"main.js": routesMain,
		"routes/a.js": 'export default "a1";\nimport.meta.hot.prune(() => console.log("a pruned"));',
	},
	steps: [
		{ stdout: [ "a.js=a1" ] },
		{ edit: { "routes/a.js": 'export default "a2";\nimport.meta.hot.prune(() => console.log("a pruned"));' }, stdout: [ "a.js=a2" ], stderr: [ loaded(1, 1) ] },
		// The loader's second import() of the file answers Node's cached module: the edge stays.
		{ edit: { "routes/a.js": 'export default "a3";\nimport.meta.hot.prune(() => console.log("a pruned"));' }, stdout: [ "a.js=a3" ], stderr: [ loaded(1, 1) ] },
		{ edit: { "routes/b.js": 'export default "b1";' }, stdout: [ "a.js=a3 b.js=b1" ], stderr: [ loaded(1, 1) ] },
		{ remove: [ "routes/a.js" ], stdout: [ "b.js=b1", "a pruned" ], stderr: [ loaded(0, 1) ] },
		{ edit: { "routes/b.js": 'export default "b2";' }, stdout: [ "b.js=b2" ], stderr: [ loaded(1, 1) ] },
		// A file that comes back is loaded anew (Node answers its cached module for it).
		{ edit: { "routes/a.js": 'export default "a4";' }, stdout: [ "a.js=a4 b.js=b2" ], stderr: [ loaded(1, 1) ] },
		{ edit: { "routes/a.js": 'export default "a5";' }, stdout: [ "a.js=a5 b.js=b2" ], stderr: [ loaded(1, 1) ] },
	],
}));

test("a loader that imports a file again with a new query each time: the module it replaces leaves the graph", t => runBehaviour(t, {
	files: {
		...loader,
		"main.js": routesMain.replace(/\bload\b/g, "loadFresh"),
		"routes/a.js": 'export default "a1";\nimport.meta.hot.prune(() => console.log("a pruned"));',
	},
	steps: [
		{ stdout: [ "a.js=a1" ] },
		{ edit: { "routes/a.js": 'export default "a2";\nimport.meta.hot.prune(() => console.log("a pruned"));' }, stdout: [ "a.js=a2", "a pruned" ], stderr: [ loaded(2, 1) ] },
		{ edit: { "routes/a.js": 'export default "a3";\nimport.meta.hot.prune(() => console.log("a pruned"));' }, stdout: [ "a.js=a3", "a pruned" ], stderr: [ loaded(2, 1) ] },
		{ remove: [ "routes/a.js" ], stdout: [ "", "a pruned" ], stderr: [ loaded(0, 1) ] },
	],
}));

test("a loaded module that a hot module imports too is replaced before the module that loaded it runs again", t => runBehaviour(t, {
	files: {
		...loader,
		"main.js": `import { text } from "./routes/a.js";
${routesMain}
console.log("main imports", text);`,
		"routes/a.js": 'import { n } from "../n.js";\nexport const text = "a" + n;\nexport default text;',
		"n.js": "export const n = 1;",
	},
	steps: [
		{ stdout: [ "a.js=a1", "main imports a1" ] },
		{ edit: { "n.js": "export const n = 2;" }, stdout: [ "a.js=a2", "main imports a2" ], stderr: [ loaded(1, 2) ] },
		{ edit: { "n.js": "export const n = 3;" }, stdout: [ "a.js=a3", "main imports a3" ], stderr: [ loaded(1, 2) ] },
	],
}));

test("a module evaluated again for a changed import() target sees the new version", t => runBehaviour(t, {
	files: {
		"main.js": `const { default: text } = await import("./dep.js");
console.log("main sees", text);
import.meta.hot.accept();`,
		"dep.js": 'export default "one";',
	},
	steps: [
		{ stdout: [ "main sees one" ] },
		{ edit: { "dep.js": 'export default "two";' }, stdout: [ "main sees two" ], stderr: [ loaded(1, 1) ] },
	],
}));

test("a change that reaches a module imported by code outside the hot graph names that importer", t => runBehaviour(t, {
	files: {
		...loader,
		"main.js": `import { loadLater } from "fake-autoload";
loadLater(new URL("./late.js", import.meta.url).href, late => console.log("late", late.default));
import.meta.hot.accept();`,
		"late.js": 'import { n } from "./n.js";\nexport default n;',
		"n.js": "export const n = 1;",
	},
	steps: [
		{ stdout: [ "late 1" ] },
		{
			edit: { "n.js": "export const n = 2;" },
			stderr: [
				"[hot] The update was not accepted: it reached a module that code outside the hot graph imported, without an accepting boundary.",
				"  n.js (changed)",
				"  └─ late.js, imported by fake-autoload, which is not hot",
				"Accept the change in late.js (import.meta.hot.accept()), or have a hot module's evaluation wait for the import (top-level await), which makes late.js a dependency of that module.",
			],
		},
	],
}));
