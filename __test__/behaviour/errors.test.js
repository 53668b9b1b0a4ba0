// Failed updates (docs/semantics.md §6, §7.1) that fixtures/errors/ cannot state: a sync throw
// beside an async rejection, where either may be the one reported, at startup and in an update.
import test from "ava";
import { createProject } from "../harness/index.js";

test("a sync throw beside an async rejection is reported once with no unhandled rejection", async t => {
	const project = await createProject(t, {
		"main.js": `import { text } from "./group.js";
console.log("main", text);
import.meta.hot.accept("./group.js", () => console.log("main accepted", text));
process.on("unhandledRejection", reason => console.log("unhandled rejection:", reason));`,
		"group.js": `export const text = "group";`,
	});
	const app = project.start("main.js");
	await app.waitFor("main group");
	await project.write("slow.js", `await new Promise(resolve => setTimeout(resolve, 50));
throw new Error("async failure");`);
	await project.write("fast.js", `throw new Error("sync failure");`);
	await project.edit("group.js", `import "./slow.js";
import "./fast.js";
export const text = "group 2";`);
	await app.waitFor(/^\[hot\] Error while evaluating/, { stream: "stderr" });
	// Whatever the slow module does later must not be reported or end up unhandled.
	await project.edit("group.js", `export const text = "group 3";`);
	await app.waitFor(/^\[hot\] Loaded 1 new module/, { stream: "stderr" });
	await app.waitFor("main accepted group 3");
	await app.stop();
	const stderr = app.lines.stderr.join("\n");
	// One failure is reported (the update stops at it), never both.
	t.is(stderr.match(/\[hot\] Error/g)?.length, 1, app.output());
	t.is(stderr.match(/\b(?:a?sync) failure/g)?.length, 1, app.output());
	t.deepEqual(app.lines.stdout.filter(line => line.startsWith("unhandled")), [], app.output());
});

test("errors at startup end the process as in plain node: a sync throw beside an async rejection", async t => {
	const project = await createProject(t, {
		"main.js": `import "./slow.js";
import "./fast.js";
console.log("main evaluated");`,
		"slow.js": `await new Promise(resolve => setTimeout(resolve, 50));
throw new Error("async failure");`,
		"fast.js": `throw new Error("sync failure");`,
	});
	const app = project.start("main.js", { keepAlive: false });
	const exit = await app.waitForExit();
	t.is(exit.code, 1, app.output());
	t.deepEqual(app.lines.stdout, [], app.output());
	t.is(app.lines.stderr.filter(line => line === "Error: sync failure").length, 1, app.output());
	t.false(app.lines.stderr.join("\n").includes("async failure"), app.output());
});
