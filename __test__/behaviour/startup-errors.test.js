// What a user sees when the application cannot start (docs/semantics.md §7.1; when a reload fails:
// fixtures/errors/): the error names the user's file, never a line of dynohot's own code, and is
// the error plain node gives (a real `SyntaxError`, the same exit code) on every Node version.
import test from "ava";
import { createProject } from "../harness/index.js";

const brokenModule = "const x = 1;\nconst y = ;\n";

/**
 * The lines of stderr before Node's closing `Node.js vN` line, without blank ones.
 * @param {string[]} stderr
 */
function reported(stderr) {
	return stderr.filter(line => line.trim() !== "" && !/^Node\.js v\d/.test(line));
}

/**
 * Checks that the first thing dynohot printed is the SyntaxError at `position` (a file of the
 * project, `file:line:column`), followed by its code frame, and that nothing names dynohot.
 * @param {import("ava").ExecutionContext} t
 * @param {{ lines: { stderr: string[] }, output(): string }} hot
 * @param {string} position
 * @param {string} errorLine the code frame's line of the error
 */
function assertSyntaxErrorFirst(t, hot, position, errorLine) {
	const lines = reported(hot.lines.stderr);
	const output = hot.output();
	t.true(lines[0]?.startsWith("SyntaxError: ") && / \(file:\/\/\/\S+\)$/.test(lines[0]) && lines[0].endsWith(`/${position})`), output);
	t.true(lines.includes(errorLine), output);
	t.false(lines.some(line => line.includes("/dist/") || line.includes("node:internal")), output);
}

/**
 * Starts the project under plain node and under dynohot, each to its end; checks that both print
 * the same stdout, exit with the same code and fail with an error of the same name.
 * @param {import("ava").ExecutionContext} t
 * @param {Record<string, string>} files
 */
async function startBoth(t, files) {
	const project = await createProject(t, files);
	const native = project.start("main.js", { hot: false, keepAlive: false });
	const nativeExit = await native.waitForExit();
	const hot = project.start("main.js", { keepAlive: false });
	const hotExit = await hot.waitForExit();
	const outputs = `plain node:\n${native.output()}\n\ndynohot:\n${hot.output()}`;
	t.deepEqual(hot.lines.stdout, native.lines.stdout, outputs);
	t.is(hotExit.code, nativeExit.code, outputs);
	const errorName = (/** @type {string[]} */ lines) => lines.map(line => /^(\w*Error)\b/.exec(line)?.[1]).find(Boolean);
	t.is(errorName(hot.lines.stderr), errorName(native.lines.stderr), outputs);
	return hot;
}

test("a module that does not parse stops the start with its SyntaxError, not a line of dynohot", async t => {
	const hot = await startBoth(t, {
		"main.js": `import "./syntax.js";\nconsole.log("never");`,
		"syntax.js": brokenModule,
	});
	assertSyntaxErrorFirst(t, hot, "syntax.js:2:11", "> 2 | const y = ;");
});

test("an entry that does not parse stops the start with its SyntaxError, not a line of dynohot", async t => {
	const hot = await startBoth(t, { "main.js": brokenModule });
	assertSyntaxErrorFirst(t, hot, "main.js:2:11", "> 2 | const y = ;");
});

test("an import of a name the module does not export stops the start naming the importer, not a line of dynohot", async t => {
	const hot = await startBoth(t, {
		"main.js": `import "./user.js";\nconsole.log("never");`,
		"user.js": `import { nope } from "./dep.js";\nconsole.log(nope);`,
		"dep.js": "export const yes = 1;",
	});
	const lines = reported(hot.lines.stderr);
	const output = hot.output();
	t.is(lines[0], "SyntaxError: The requested module './dep.js' does not provide an export named 'nope'", output);
	t.regex(lines[1] ?? "", /^ {4}at file:\/\/\/\S+\/user\.js$/, output);
	t.false(lines.some(line => line.includes("/dist/") || line.includes("node:internal")), output);
});

test("a JSON module that does not parse stops the start with its position and a code frame", async t => {
	const hot = await startBoth(t, {
		"main.js": `import config from "./config.json" with { type: "json" };\nconsole.log(config.port);`,
		"config.json": `{\n  "port": 2,\n}\n`,
	});
	assertSyntaxErrorFirst(t, hot, "config.json:3:1", "> 3 | }");
});
