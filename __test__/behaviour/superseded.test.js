// Code of a replaced instance that the application kept (a listener, a timer, a function handed
// on through `hot.data`) reads its imports through the running instance of the same module: it
// calls the current versions of what that module imports, by local name.
import test from "ava";
import { loaded, runBehaviour } from "./scenario.js";

// main.js keeps the reader made by its first instance and calls it after every update. The first
// instance says when it has run, so the first edit waits for the graph to be loaded and watched.
const main = (imports, reads) => `import { ${imports} } from "./dep.js";
if (import.meta.hot.data === undefined) {
	console.log("first instance running");
}
const first = import.meta.hot.data?.first ?? (() => value);
import.meta.hot.dispose(data => {
	data.first = first;
});
import.meta.hot.accept();
import.meta.hot.on("message", message => {
	if (message.startsWith("Loaded")) {
		console.log("first instance reads", first(), "running instance reads", ${reads});
	}
});`;

test("a function kept from a replaced instance reads the imports of the running instance", t => runBehaviour(t, {
	files: {
		"main.js": main("value", "value"),
		"dep.js": "export const value = 1;",
	},
	steps: [
		{ stdout: [ "first instance running" ] },
		{
			// dep.js and its importer main.js (the boundary) are replaced.
			edit: { "dep.js": "export const value = 2;" },
			stderr: [ loaded(1, 1) ],
			stdout: [ "first instance reads 2 running instance reads 2" ],
		},
		{
			edit: { "dep.js": "export const value = 3;" },
			stderr: [ loaded(1, 1) ],
			stdout: [ "first instance reads 3 running instance reads 3" ],
		},
		{
			edit: { "dep.js": "export const value = 4;\nexport const other = 5;" },
			stderr: [ loaded(1, 1) ],
			stdout: [ "first instance reads 4 running instance reads 4" ],
		},
		{
			// The running code no longer imports `value`: the first instance reads its own binding again.
			edit: { "main.js": main("other", "other") },
			stderr: [ loaded(1, 0) ],
			stdout: [ "first instance reads 1 running instance reads 5" ],
		},
	],
}));
