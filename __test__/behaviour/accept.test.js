// Accept handlers (docs/semantics.md §4, §5.3): order, which of them run, and what happens when one throws.
import test from "ava";
import { loaded, runBehaviour } from "./scenario.js";

test("accept handlers run in registration order", t => runBehaviour(t, {
	files: {
		"main.js": `import { n } from "./dep.js";
console.log("main", n);
import.meta.hot.accept("./dep.js", () => console.log("first", n));
import.meta.hot.accept(["./dep.js"], () => console.log("second", n));
import.meta.hot.accept("./dep.js", () => console.log("third", n));`,
		"dep.js": "export const n = 1;",
	},
	steps: [
		{ stdout: [ "main 1" ] },
		{ edit: { "dep.js": "export const n = 2;" }, stdout: [ "first 2", "second 2", "third 2" ], stderr: [ loaded(1, 0) ] },
	],
}));

test("only handlers for changed dependencies run", t => runBehaviour(t, {
	files: {
		"main.js": `import { a } from "./a.js";
import { b } from "./b.js";
console.log("main", a, b);
import.meta.hot.accept("./a.js", () => console.log("a handler", a));
import.meta.hot.accept("./b.js", () => console.log("b handler", b));
import.meta.hot.accept(["./a.js", "./b.js"], () => console.log("both handler", a, b));`,
		"a.js": "export const a = 1;",
		"b.js": "export const b = 1;",
	},
	steps: [
		{ stdout: [ "main 1 1" ] },
		{ edit: { "b.js": "export const b = 2;" }, stdout: [ "b handler 2", "both handler 1 2" ], stderr: [ loaded(1, 0) ] },
		{ edit: { "a.js": "export const a = 3;" }, stdout: [ "a handler 3", "both handler 3 2" ], stderr: [ loaded(1, 0) ] },
	],
}));

test("a parent can accept a module inside a cycle", t => runBehaviour(t, {
	files: {
		"main.js": `import { left } from "./left.js";
console.log("main", left());
import.meta.hot.accept("./left.js", () => console.log("main accepted", left()));`,
		"left.js": `import { right } from "./right.js";
export function left() { return "left+" + right; }
console.log("left evaluated");`,
		"right.js": `import { left } from "./left.js";
export const right = "right1";
console.log("right evaluated", typeof left);`,
	},
	steps: [
		{ stdout: [ "right evaluated function", "left evaluated", "main left+right1" ] },
		{
			edit: { "right.js": `import { left } from "./left.js";
export const right = "right2";
console.log("right evaluated again", typeof left);` },
			stdout: [ "right evaluated again function", "left evaluated", "main accepted left+right2" ],
			stderr: [ loaded(1, 1) ],
		},
		{
			edit: { "left.js": `import { right } from "./right.js";
export function left() { return "new left+" + right; }
console.log("left evaluated again");` },
			stdout: [ "right evaluated again function", "left evaluated again", "main accepted new left+right2" ],
			stderr: [ loaded(1, 1) ],
		},
	],
}));

test("a throwing accept handler lets the change travel to the parent", t => runBehaviour(t, {
	files: {
		"main.js": `import { text } from "./middle.js";
console.log("main", text);
import.meta.hot.accept("./middle.js", () => console.log("main accepted", text));`,
		"middle.js": `import { n } from "./dep.js";
export const text = "middle sees " + n;
console.log(text);
import.meta.hot.accept("./dep.js", () => { throw new Error("middle refuses " + n); });`,
		"dep.js": "export const n = 1;",
	},
	steps: [
		{ stdout: [ "middle sees 1", "main middle sees 1" ] },
		{
			edit: { "dep.js": "export const n = 2;" },
			stdout: [ "middle sees 2", "main accepted middle sees 2" ],
			stderrIncludes: [ "[hot] Error in an accept handler of middle.js:", "Error: middle refuses 2", loaded(1, 1) ],
		},
	],
}));

test("a throwing self-accept handler lets the change travel to the parent", t => runBehaviour(t, {
	files: {
		"main.js": `import { n } from "./dep.js";
console.log("main", n);
import.meta.hot.accept("./dep.js", () => console.log("main accepted", n));`,
		"dep.js": `export const n = 1;
console.log("dep", n);
import.meta.hot.accept(() => { throw new Error("dep refuses"); });`,
	},
	steps: [
		{ stdout: [ "dep 1", "main 1" ] },
		{
			edit: { "dep.js": `export const n = 2;
console.log("dep", n);
import.meta.hot.accept(() => { throw new Error("dep refuses again"); });` },
			stdout: [ "dep 2", "main accepted 2" ],
			stderrIncludes: [ "[hot] Error in an accept handler of dep.js:", "Error: dep refuses", loaded(1, 0) ],
		},
	],
}));

test("accept of a group with an unchanged member", t => runBehaviour(t, {
	files: {
		"main.js": `import { a } from "./a.js";
import { b } from "./b.js";
console.log("main", a, b);
import.meta.hot.accept(["./a.js", "./b.js"], ([ nsA, nsB ]) => console.log("group", nsA.a, nsB.b, a, b));`,
		"a.js": "export const a = 1;",
		"b.js": `export const b = 1;
console.log("b evaluated");`,
	},
	steps: [
		{ stdout: [ "b evaluated", "main 1 1" ] },
		{ edit: { "a.js": "export const a = 2;" }, stdout: [ "group 2 1 2 1" ], stderr: [ loaded(1, 0) ] },
	],
}));

test("an unchanged declined sibling does not block", t => runBehaviour(t, {
	files: {
		"main.js": `import { a } from "./a.js";
import "./declined.js";
console.log("main", a);
import.meta.hot.accept("./a.js", () => console.log("main accepted", a));`,
		"a.js": "export const a = 1;",
		"declined.js": `import.meta.hot.decline();
console.log("declined evaluated");`,
	},
	steps: [
		{ stdout: [ "declined evaluated", "main 1" ] },
		{ edit: { "a.js": "export const a = 2;" }, stdout: [ "main accepted 2" ], stderr: [ loaded(1, 0) ] },
	],
}));

test("a declining module that accepts the change does not block", t => runBehaviour(t, {
	files: {
		"main.js": `import "./declining.js";
console.log("main evaluated");`,
		"declining.js": `import { n } from "./dep.js";
import.meta.hot.decline();
import.meta.hot.accept("./dep.js", () => console.log("declining accepted", n));
console.log("declining", n);`,
		"dep.js": "export const n = 1;",
	},
	steps: [
		{ stdout: [ "declining 1", "main evaluated" ] },
		{ edit: { "dep.js": "export const n = 2;" }, stdout: [ "declining accepted 2" ], stderr: [ loaded(1, 0) ] },
	],
}));

test("a declining module on the path blocks the update", t => runBehaviour(t, {
	files: {
		"main.js": `import { text } from "./declining.js";
console.log("main", text);
import.meta.hot.accept("./declining.js", () => console.log("main accepted", text));`,
		"declining.js": `import { n } from "./dep.js";
import.meta.hot.decline();
export const text = "declining " + n;`,
		"dep.js": `export const n = 1;
import.meta.hot.dispose(() => console.log("dep disposed"));`,
	},
	steps: [
		{ stdout: [ "main declining 1" ] },
		{ edit: { "dep.js": "export const n = 2;" }, stderr: [ "[hot] The update was declined by:", "  declining.js" ] },
	],
}));
