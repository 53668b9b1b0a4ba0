// Execution equivalence of the transform (issue 2): every program in `programs/` runs under plain
// Node and under dynohot (`--import dist/register.js`), and both runs must print exactly the same
// thing and end the same way. Each program is a directory: an entry (`main.js`) that imports the
// module under test and its helpers and prints what it observes through `programs/report.js`.
//
// TypeScript programs (`main.ts`) have no native run to compare with on every Node version this
// suite runs on (Node 20 has no type stripping, and no Node strips enums or namespaces by default);
// their `expected.txt` holds what `node --experimental-transform-types main.ts` prints on Node 24
// (ts-type-only-import-elided excepted: Node keeps an import used only as a type, which then fails to
// link; its expected output is what the program prints once the import is elided, as tsc does).
// A TypeScript program with its own `tsconfig.json` (compiler options the transform applies: JSX,
// decorators, `verbatimModuleSyntax`) is compiled by tsc instead, and tsc's output run by plain
// node is what dynohot's run of `main.ts` must print.
import test from "ava";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { limit } from "../harness/limit.js";
import { runProgram } from "./run-program.js";

const programsDirectory = fileURLToPath(new URL("programs/", import.meta.url));

/** Two processes per program: four programs at a time keep a 2-core machine busy, not swamped. */
const schedule = limit(4);

/**
 * The known differences (known-differences.txt): program name → how its runs may differ.
 * @type {Map<string, "messages" | "output">}
 */
const knownDifferences = new Map(fs.readFileSync(fileURLToPath(new URL("known-differences.txt", import.meta.url)), "utf8")
	.split("\n")
	.map(line => line.replace(/#.*/, "").trim())
	.filter(line => line !== "")
	.map(line => {
		const [ name, kind ] = line.split(/\s+/);
		if (kind !== "messages" && kind !== "output") {
			throw new Error(`known-differences.txt: '${line}' has no kind "messages" or "output"`);
		}
		return [ name, kind ];
	}));

/** A run's output with each reported error reduced to its name ("label threw TypeError"). */
function withoutMessages(run) {
	const reduce = text => text.replace(/( threw [A-Za-z]*):[^\n]*(\n(?! |\S+ ).*)*/g, "$1");
	return { ...run, stdout: reduce(run.stdout) };
}

const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const repositoryModules = fileURLToPath(new URL("../../node_modules", import.meta.url));

/**
 * Compiles the program in `directory` with tsc into a temporary folder (removed after the test),
 * where the repository's packages resolve as from the program itself.
 * @param {import("ava").ExecutionContext} t
 * @param {string} directory
 */
function compileWithTsc(t, directory) {
	const output = fs.mkdtempSync(path.join(os.tmpdir(), "dynohot-tsc-"));
	t.teardown(() => fs.rmSync(output, { recursive: true, force: true }));
	const compiled = spawnSync(process.execPath, [ tsc, "-p", directory, "--outDir", output ], { encoding: "utf8" });
	t.is(compiled.status, 0, `tsc failed:\n${compiled.stdout}${compiled.stderr}`);
	fs.writeFileSync(path.join(output, "package.json"), JSON.stringify({ type: "module" }));
	fs.symlinkSync(repositoryModules, path.join(output, "node_modules"), "dir");
	return output;
}

const programs = fs.readdirSync(programsDirectory, { withFileTypes: true })
	.filter(entry => entry.isDirectory())
	.map(entry => entry.name)
	.sort();

test("there are programs to run", t => {
	t.true(programs.length >= 40, `only ${programs.length} programs`);
});

test("every known difference names a program", t => {
	t.deepEqual([ ...knownDifferences.keys() ].filter(name => !programs.includes(name)), []);
});

for (const name of programs) {
	const directory = path.join(programsDirectory, name);
	const expectedFile = path.join(directory, "expected.txt");
	if (fs.existsSync(path.join(directory, "tsconfig.json"))) {
		test(`${name}: dynohot prints what tsc's output prints under plain node`, async t => {
			const compiled = compileWithTsc(t, directory);
			const [ native, hot ] = await schedule(() => Promise.all([
				runProgram(compiled, "main.js", { hot: false }),
				runProgram(directory, "main.ts", { hot: true }),
			]));
			t.deepEqual({ exitCode: native.exitCode, stderr: native.stderr }, { exitCode: 0, stderr: "" }, "tsc's output fails under plain node");
			t.not(native.stdout, "", "the program prints nothing");
			t.deepEqual(hot, native);
		});
	} else if (fs.existsSync(expectedFile)) {
		test(`${name}: dynohot prints the expected output`, async t => {
			const expected = fs.readFileSync(expectedFile, "utf8");
			const hot = await schedule(() => runProgram(directory, "main.ts", { hot: true }));
			t.deepEqual(hot, { exitCode: 0, signal: null, stdout: expected, stderr: "" });
		});
	} else {
		test(`${name}: dynohot prints what plain node prints`, async t => {
			const [ native, hot ] = await schedule(() => Promise.all([
				runProgram(directory, "main.js", { hot: false }),
				runProgram(directory, "main.js", { hot: true }),
			]));
			// A program that fails natively compares nothing useful: it must run cleanly and say something.
			t.deepEqual({ exitCode: native.exitCode, stderr: native.stderr }, { exitCode: 0, stderr: "" }, "the program fails under plain node");
			t.not(native.stdout, "", "the program prints nothing");
			const known = knownDifferences.get(name);
			if (known === undefined) {
				t.deepEqual(hot, native);
				return;
			}
			t.notDeepEqual(hot, native, `${name} no longer differs: remove it from known-differences.txt`);
			if (known === "messages") {
				t.deepEqual(withoutMessages(hot), withoutMessages(native));
			} else {
				t.deepEqual({ exitCode: hot.exitCode, signal: hot.signal }, { exitCode: native.exitCode, signal: native.signal });
			}
			t.log(`known difference, dynohot:\n${hot.stdout}\nplain node:\n${native.stdout}`);
		});
	}
}
