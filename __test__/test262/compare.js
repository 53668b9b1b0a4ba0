// Plain node against node with a loader: each test runs plainly and, when that passes, again under
// the loader. Tests plain node fails owe the loader nothing (docs/semantics.md §3), so they run once.
import { runPool } from "./pool.js";
import { withSuite } from "./suite.js";

/**
 * @typedef {import("./execute.js").TestResult} TestResult
 * @typedef {{ plain: TestResult, hot: TestResult | undefined }} Outcome
 * @typedef {{
 *   outcomes: Outcome[],
 *   plainPassed: number,
 *   regressions: TestResult[],
 *   durationMs: number,
 *   plainMs: number,
 *   hotMs: number,
 * }} Comparison
 */

/**
 * @param {{
 *   node: string,
 *   loader: string,
 *   suiteDirectory?: string,
 *   filter?: string | undefined,
 *   concurrency?: number,
 *   timeoutMs?: number,
 *   onOutcome?: (outcome: Outcome, done: number, total: number) => void,
 * }} options
 * @returns {Promise<Comparison>}
 */
export async function compareWithLoader(options) {
	const started = performance.now();
	const outcomes = await withSuite(options, suite => runPool(
		suite.tests,
		options.concurrency ?? 2,
		async test => {
			const plain = await suite.run(test, options.node, undefined);
			const hot = plain.pass ? await suite.run(test, options.node, options.loader) : undefined;
			return { plain, hot };
		},
		(outcome, done) => options.onOutcome?.(outcome, done, suite.tests.length)));
	const sum = (/** @type {number[]} */ values) => values.reduce((total, value) => total + value, 0);
	return {
		outcomes,
		plainPassed: outcomes.filter(outcome => outcome.plain.pass).length,
		regressions: outcomes.flatMap(({ hot }) => hot === undefined || hot.pass ? [] : [ hot ]),
		durationMs: Math.round(performance.now() - started),
		plainMs: sum(outcomes.map(outcome => outcome.plain.ms)),
		hotMs: sum(outcomes.map(outcome => outcome.hot?.ms ?? 0)),
	};
}

/** @param {string} text */
function firstLines(text, count = 6) {
	return text.split("\n").filter(line => line.trim() !== "").slice(0, count).map(line => `      ${line}`).join("\n");
}

/** A failing test with the first lines of what it printed. @param {TestResult} result */
export function describeFailure(result) {
	return [
		`  ${result.id}: ${result.reason}`,
		...result.stdout.trim() === "" ? [] : [ "    stdout:", firstLines(result.stdout) ],
		...result.stderr.trim() === "" ? [] : [ "    stderr:", firstLines(result.stderr) ],
	].join("\n");
}
