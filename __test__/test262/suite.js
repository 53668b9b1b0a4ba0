// The test262 module suite prepared for running: a working copy of the tests and the list of runs.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { collectTests } from "./collect.js";
import { executeTest } from "./execute.js";
import { runPool } from "./pool.js";

/** test262's module tests live in the shared folder beside the clone (`../shared/test262`); `DYNOHOT_TEST262` points elsewhere. */
export const defaultSuiteDirectory = process.env.DYNOHOT_TEST262
	?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../shared/test262");

/**
 * @typedef {import("./collect.js").TestCase} TestCase
 * @typedef {import("./execute.js").TestResult} TestResult
 * @typedef {{
 *   tests: TestCase[],
 *   run: (test: TestCase, node: string, loader: string | undefined) => Promise<TestResult>,
 * }} PreparedSuite
 */

/**
 * Calls `use` with the suite copied to a temporary directory, removed afterwards.
 * @template Result
 * @param {{ suiteDirectory?: string, filter?: string | undefined, timeoutMs?: number }} options
 * @param {(suite: PreparedSuite) => Promise<Result>} use
 * @returns {Promise<Result>}
 */
export async function withSuite(options, use) {
	const suiteDirectory = options.suiteDirectory ?? defaultSuiteDirectory;
	// Tests run from a copy: `.js` files there are ES modules (a `"type": "module"` package, as
	// test262 fixtures need on every Node version), and a loader sees ordinary files outside
	// any `node_modules` and outside this repository.
	const workDirectory = fs.mkdtempSync(path.join(os.tmpdir(), "dynohot-test262-"));
	try {
		const testRoot = path.join(workDirectory, "test");
		fs.cpSync(path.join(suiteDirectory, "test"), testRoot, { recursive: true });
		fs.writeFileSync(path.join(workDirectory, "package.json"), "{ \"type\": \"module\" }\n");
		const harnessDirectory = path.join(suiteDirectory, "harness");
		const timeoutMs = options.timeoutMs ?? 10_000;
		return await use({
			tests: collectTests(testRoot, options.filter),
			run: (test, node, loader) => executeTest(test, { node, loader, testRoot, harnessDirectory, timeoutMs }),
		});
	} finally {
		fs.rmSync(workDirectory, { recursive: true, force: true });
	}
}

/**
 * Runs every test once with one binary and, optionally, a loader.
 * @param {{
 *   node: string,
 *   loader?: string | undefined,
 *   suiteDirectory?: string,
 *   filter?: string | undefined,
 *   concurrency?: number,
 *   timeoutMs?: number,
 *   onResult?: (result: TestResult, done: number, total: number) => void,
 * }} options
 * @returns {Promise<{ results: TestResult[], durationMs: number }>}
 */
export function runSuite(options) {
	const started = performance.now();
	return withSuite(options, async suite => {
		const results = await runPool(
			suite.tests,
			options.concurrency ?? 2,
			test => suite.run(test, options.node, options.loader),
			(result, done) => options.onResult?.(result, done, suite.tests.length));
		return { results, durationMs: Math.round(performance.now() - started) };
	});
}
