// Runs one test262 case in its own Node process and decides pass/fail from what the host printed
// (INTERPRETING.md, "Test Results", `negative`, `async`).
import { spawn } from "node:child_process";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const hostDirectory = path.join(path.dirname(fileURLToPath(import.meta.url)), "host");
const preloadFile = path.join(hostDirectory, "preload.cjs");
const scriptHostFile = path.join(hostDirectory, "script.cjs");

/**
 * @typedef {import("./collect.js").TestCase} TestCase
 * @typedef {{
 *   node: string,
 *   loader: string | undefined,
 *   testRoot: string,
 *   harnessDirectory: string,
 *   timeoutMs: number,
 * }} ExecuteOptions
 * @typedef {{
 *   id: string,
 *   pass: boolean,
 *   reason: string,
 *   ms: number,
 *   exitCode: number | null,
 *   stdout: string,
 *   stderr: string,
 * }} TestResult
 */

/** @param {TestCase} test @param {ExecuteOptions} options @returns {Promise<TestResult>} */
export function executeTest(test, options) {
	const file = path.join(options.testRoot, test.file);
	const args = [
		// Silences the experimental `vm` loader constant the script host relies on.
		"--disable-warning=ExperimentalWarning",
		"--require", preloadFile,
		...options.loader === undefined ? [] : [ "--import", options.loader ],
		...test.scenario === "module" ? [ file ] : [ scriptHostFile, file, test.scenario ],
	];
	const started = performance.now();
	return new Promise(resolve => {
		const child = spawn(options.node, args, {
			cwd: path.dirname(file),
			env: {
				...process.env,
				TEST262_HARNESS: options.harnessDirectory,
				TEST262_INCLUDES: test.includes.join(","),
			},
			stdio: [ "ignore", "pipe", "pipe" ],
		});
		let stdout = "";
		let stderr = "";
		child.stdout.setEncoding("utf8").on("data", chunk => { stdout += chunk; });
		child.stderr.setEncoding("utf8").on("data", chunk => { stderr += chunk; });
		let timedOut = false;
		const timer = setTimeout(() => {
			timedOut = true;
			child.kill("SIGKILL");
		}, options.timeoutMs);
		child.on("close", (exitCode, signal) => {
			clearTimeout(timer);
			const verdict = timedOut
				? { pass: false, reason: `timed out after ${options.timeoutMs} ms` }
				: judge(test, { exitCode, signal, stdout, stderr });
			resolve({
				id: test.id,
				...verdict,
				ms: Math.round(performance.now() - started),
				exitCode,
				stdout,
				stderr,
			});
		});
	});
}

const uncaughtPrefix = "Test262:Uncaught:";

/**
 * @param {TestCase} test
 * @param {{ exitCode: number | null, signal: NodeJS.Signals | null, stdout: string, stderr: string }} outcome
 * @returns {{ pass: boolean, reason: string }}
 */
function judge(test, outcome) {
	const lines = outcome.stdout.split("\n").filter(line => line !== "");
	const uncaughtIndex = lines.findIndex(line => line.startsWith(uncaughtPrefix));
	const uncaughtLine = uncaughtIndex === -1 ? undefined : lines[uncaughtIndex];
	// A loader may report a startup error itself and exit; then Node's (or its) printed error is
	// all there is.
	const errorType = uncaughtLine === undefined
		? /^(?:Uncaught )?([A-Z]\w*Error)\b/m.exec(outcome.stderr)?.[1]
		: uncaughtLine.slice(uncaughtPrefix.length).split(":")[0];
	const failed = outcome.exitCode !== 0 || outcome.signal !== null;
	const exited = `exit code ${outcome.exitCode}${outcome.signal === null ? "" : ` (${outcome.signal})`}`;

	if (test.negative !== undefined) {
		const { phase, type } = test.negative;
		if (!failed && uncaughtLine === undefined) {
			return { pass: false, reason: `expected ${phase} ${type}, but completed normally` };
		}
		if (errorType !== type) {
			return { pass: false, reason: `expected ${phase} ${type}, got ${errorType ?? "no error type"} (${exited})` };
		}
		if (phase === "parse" || phase === "resolution") {
			if (test.scenario !== "module" && !lines.includes("Test262:ParseError")) {
				return { pass: false, reason: `expected ${phase} ${type}, but it was thrown while evaluating` };
			}
			// Code ran before the error if anything printed first: the error came too late.
			const printedBefore = lines.slice(0, uncaughtIndex === -1 ? lines.length : uncaughtIndex)
				.filter(line => !line.startsWith("Test262:ParseError"));
			if (printedBefore.length > 0) {
				return { pass: false, reason: `expected ${phase} ${type}, but evaluation printed ${JSON.stringify(printedBefore[0])}` };
			}
		}
		return { pass: true, reason: `${type} as expected` };
	}

	if (uncaughtLine !== undefined) {
		return { pass: false, reason: `uncaught ${uncaughtLine.slice(uncaughtPrefix.length)}` };
	}
	if (failed) {
		return { pass: false, reason: `${exited}${errorType === undefined ? "" : `, ${errorType}`}` };
	}
	if (test.async) {
		const failure = lines.find(line => line.startsWith("Test262:AsyncTestFailure"));
		if (failure !== undefined) {
			return { pass: false, reason: failure };
		}
		if (!lines.includes("Test262:AsyncTestComplete")) {
			return { pass: false, reason: "async test never printed Test262:AsyncTestComplete" };
		}
	}
	return { pass: true, reason: "completed" };
}
