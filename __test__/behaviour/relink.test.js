// Importers that an update keeps are relinked to the new instances (docs/semantics.md §5.5): directly, through
// chains of re-exports (`export *`, `export { x } from`, import-then-export), and through
// namespaces, while what they re-export from modules the change did not reach stays as it was.
import test from "ava";
import { loaded, runBehaviour } from "./scenario.js";

// Prints what every kind of staying importer reads, after the start and after each update.
const main = `import { value, other } from "./barrel.js";
import * as barrel from "./barrel.js";
import { seen, copied, other as userOther } from "./user.js";
import * as user from "./user.js";
const show = () => console.log("main", value, barrel.value, barrel.alias, seen(), copied, user.copied, other, userOther,
	Object.keys(barrel).join(), Object.keys(user).join());
show();
import.meta.hot.on("message", message => {
	if (message.startsWith("Loaded")) {
		show();
	}
});`;

test("staying importers read a replaced module through re-exports, and keep what they re-export from elsewhere", t => runBehaviour(t, {
	files: {
		"main.js": main,
		"barrel.js": `export * from "./mid.js";\nexport * from "./other.js";`,
		"mid.js": `export * from "./dep.js";\nexport { value as alias } from "./dep.js";`,
		"user.js": `import { value } from "./dep.js";
export * from "./other.js";
export { value as copied };
export const seen = () => value;`,
		"other.js": `export const other = "o";`,
		"dep.js": `export const value = 1;\nimport.meta.hot.accept();`,
	},
	steps: [
		{ stdout: [ "main 1 1 1 1 1 1 o o alias,other,value copied,other,seen" ] },
		{
			edit: { "dep.js": `export const value = 2;\nimport.meta.hot.accept();` },
			stderr: [ loaded(1, 0) ],
			stdout: [ "main 2 2 2 2 2 2 o o alias,other,value copied,other,seen" ],
		},
		{
			// A new export reaches the namespaces of the re-exporters.
			edit: { "dep.js": `export const value = 3;\nexport const extra = 4;\nimport.meta.hot.accept();` },
			stderr: [ loaded(1, 0) ],
			stdout: [ "main 3 3 3 3 3 3 o o alias,extra,other,value copied,other,seen" ],
		},
	],
}));

test("a link error in an importer reached through a re-export is caught before anything is disposed", t => runBehaviour(t, {
	files: {
		"main.js": `import { value } from "./barrel.js";
console.log("main", value);
import.meta.hot.on("message", message => {
	if (message.startsWith("Loaded")) {
		console.log("main", value);
	}
});`,
		"barrel.js": `export { value } from "./dep.js";`,
		"dep.js": `export const value = 1;
import.meta.hot.dispose(() => console.log("dep disposed"));
import.meta.hot.accept();`,
	},
	steps: [
		{ stdout: [ "main 1" ] },
		{
			edit: { "dep.js": `export const renamed = 2;\nimport.meta.hot.accept();` },
			stdout: [],
			stderrIncludes: [ "[hot] Error while linking barrel.js:", "SyntaxError: The requested module './dep.js' does not provide an export named 'value'" ],
		},
		{
			edit: { "dep.js": `export const value = 3;\nimport.meta.hot.accept();` },
			stderr: [ loaded(1, 0) ],
			stdout: [ "dep disposed", "main 3" ],
		},
	],
}));
