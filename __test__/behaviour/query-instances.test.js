// One file imported with different query strings (`./m.js?x`, `./m.js?y`): as in plain node, each
// URL is an instance of its own, and an edit of the file reloads every one of them in one update.
import test from "ava";
import { loaded, runBehaviour } from "./scenario.js";

/**
 * `m.js` with `text`: each instance says which URL it runs as (its name with the query).
 * @param {string} text
 */
function moduleM(text) {
	return `export const name = import.meta.url.split("/").pop();
export const text = ${JSON.stringify(text)};
console.log("evaluated", name, text);
import.meta.hot.prune(() => console.log("pruned", name));`;
}

/**
 * A step that saves `m.js` with `text`, and what it prints.
 * @param {string} text
 * @param {string[]} stdout
 * @param {string[]} stderr
 */
function saveM(text, stdout, stderr = [ loaded(2, 0) ]) {
	return { edit: { "m.js": moduleM(text) }, stdout, stderr };
}

test("an edit reloads every query instance of the file, and each accept handler gets its own", t => runBehaviour(t, {
	files: {
		"main.js": `import * as x from "./m.js?x";
import * as y from "./m.js?y";
console.log("main", x.name, x.text, y.name, y.text);
import.meta.hot.accept("./m.js?x", ns => console.log("accepted", ns.name, ns.text, x.text));
import.meta.hot.accept("./m.js?y", ns => console.log("accepted", ns.name, ns.text, y.text));`,
		"m.js": moduleM("one"),
	},
	steps: [
		{ stdout: [ "evaluated m.js?x one", "evaluated m.js?y one", "main m.js?x one m.js?y one" ] },
		saveM("two", [ "evaluated m.js?x two", "evaluated m.js?y two", "accepted m.js?x two two", "accepted m.js?y two two" ]),
		saveM("three", [ "evaluated m.js?x three", "evaluated m.js?y three", "accepted m.js?x three three", "accepted m.js?y three three" ]),
	],
}));

test("the array form hands one namespace per query instance, in the order given", t => runBehaviour(t, {
	files: {
		"main.js": `import "./m.js?x";
import "./m.js?y";
import.meta.hot.accept([ "./m.js?y", "./m.js?x" ], ([ y, x ]) => console.log("accepted", y.name, y.text, x.name, x.text));`,
		"m.js": moduleM("one"),
	},
	steps: [
		{ stdout: [ "evaluated m.js?x one", "evaluated m.js?y one" ] },
		saveM("two", [ "evaluated m.js?x two", "evaluated m.js?y two", "accepted m.js?y two m.js?x two" ]),
	],
}));

test("the plain URL and a self-accepting query instance of one file reload together", t => runBehaviour(t, {
	files: {
		"main.js": `import { text } from "./m.js";
import { text as selfText } from "./m.js?self";
console.log("main", text, selfText);
import.meta.hot.accept("./m.js", ns => console.log("accepted", ns.name, text, selfText));`,
		// Only the instance loaded as `m.js?self` accepts itself.
		"m.js": `${moduleM("one")}
if (name === "m.js?self") import.meta.hot.accept(ns => console.log("self-accepted", ns.name, ns.text));`,
	},
	steps: [
		{ stdout: [ "evaluated m.js one", "evaluated m.js?self one", "main one one" ] },
		{
			edit: { "m.js": `${moduleM("two")}
if (name === "m.js?self") import.meta.hot.accept(ns => console.log("self-accepted", ns.name, ns.text));` },
			stdout: [ "evaluated m.js two", "evaluated m.js?self two", "self-accepted m.js?self two", "accepted m.js two two" ],
			stderr: [ loaded(2, 0) ],
		},
	],
}));

test("a query instance first imported after startup follows edits too", t => runBehaviour(t, {
	files: {
		"main.js": `import * as x from "./m.js?x";
import "./trigger.js";
console.log("main", x.name, x.text);
import.meta.hot.accept("./trigger.js", async () => {
	const z = await import("./m.js?z");
	console.log("imported", z.name, z.text);
});
import.meta.hot.accept("./m.js?x", ns => console.log("accepted", ns.name, ns.text));
import.meta.hot.accept("./m.js?z", ns => console.log("accepted", ns.name, ns.text));`,
		"trigger.js": "export const round = 1;",
		"m.js": moduleM("one"),
	},
	steps: [
		{ stdout: [ "evaluated m.js?x one", "main m.js?x one" ] },
		{
			edit: { "trigger.js": "export const round = 2;" },
			stdout: [ "evaluated m.js?z one", "imported m.js?z one" ],
			stderr: [ loaded(2, 0) ],
		},
		saveM("two", [ "evaluated m.js?x two", "evaluated m.js?z two", "accepted m.js?x two", "accepted m.js?z two" ]),
	],
}));

test("removing one importer prunes only its query instance; the other still follows edits", t => runBehaviour(t, {
	files: {
		"main.js": `import "./a.js";
import "./b.js";
import.meta.hot.accept([ "./a.js", "./b.js" ], () => console.log("main accepted"));`,
		"a.js": `import { name, text } from "./m.js?a";
console.log("a sees", name, text);`,
		"b.js": `import { name, text } from "./m.js?b";
console.log("b sees", name, text);`,
		"m.js": moduleM("one"),
	},
	steps: [
		{ stdout: [ "evaluated m.js?a one", "a sees m.js?a one", "evaluated m.js?b one", "b sees m.js?b one" ] },
		{
			edit: { "a.js": `console.log("a alone");` },
			stdout: [ "a alone", "main accepted", "pruned m.js?a" ],
			stderr: [ loaded(1, 0) ],
		},
		saveM("two", [ "evaluated m.js?b two", "b sees m.js?b two", "main accepted" ], [ loaded(1, 1) ]),
	],
}));
