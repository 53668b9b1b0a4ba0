#!/usr/bin/env node
// Command line for the test262 module suite:
//   node __test__/test262/run.js [--node <binary>] [--loader <url>] [--compare] [--filter <substring>]
//     [--json <file>] [--jobs <n>] [--timeout <ms>] [--quiet]
// Without --compare: runs every test with the binary (plus `--import <loader>` if given), prints
// PASS/FAIL per test (failures only with --quiet) and a summary; exits 1 if any failed.
// With --compare (needs --loader): runs each test plainly and, when that passes, under the loader;
// prints the tests the loader breaks (docs/semantics.md §3); exits 1 if there are any.
// Needs Node ≥ 20.12 (runner and tested binary): `--disable-warning`, `vm.constants`, `parentPath`.
import * as fs from "node:fs";
import { parseArgs } from "node:util";
import { compareWithLoader, describeFailure } from "./compare.js";
import { runSuite } from "./suite.js";

const { values } = parseArgs({
	options: {
		node: { type: "string", default: process.execPath },
		loader: { type: "string" },
		compare: { type: "boolean", default: false },
		filter: { type: "string" },
		json: { type: "string" },
		jobs: { type: "string", default: "2" },
		timeout: { type: "string", default: "10000" },
		quiet: { type: "boolean", default: false },
	},
});

const common = {
	node: values.node,
	filter: values.filter,
	concurrency: Number(values.jobs),
	timeoutMs: Number(values.timeout),
};
const seconds = (/** @type {number} */ ms) => `${(ms / 1000).toFixed(1)} s`;

/** @param {unknown} report */
function writeJson(report) {
	if (values.json !== undefined) {
		fs.writeFileSync(values.json, JSON.stringify(report, null, "\t"));
	}
}

if (values.compare) {
	if (values.loader === undefined) {
		throw new Error("--compare needs --loader");
	}
	const comparison = await compareWithLoader({
		...common,
		loader: values.loader,
		onOutcome({ plain, hot }, done, total) {
			if (hot?.pass === false) {
				console.log(`[${done}/${total}] REGRESSION ${hot.id}: ${hot.reason}`);
			} else if (!values.quiet) {
				console.log(`[${done}/${total}] ${plain.pass ? "PASS" : "FAIL (plain node)"} ${plain.id}`);
			}
		},
	});
	console.log(`\n${comparison.regressions.length ? `Tests plain node passes but the loader fails:\n${comparison.regressions.map(describeFailure).join("\n")}\n\n` : ""}`
		+ `${comparison.plainPassed}/${comparison.outcomes.length} pass under plain node, `
		+ `${comparison.plainPassed - comparison.regressions.length} of those under the loader, `
		+ `${comparison.regressions.length} regressions in ${seconds(comparison.durationMs)} `
		+ `(summed per-test wall time: plain ${seconds(comparison.plainMs)}, loader ${seconds(comparison.hotMs)}; node ${values.node}, loader ${values.loader})`);
	writeJson({ node: values.node, loader: values.loader, ...comparison });
	process.exitCode = comparison.regressions.length === 0 ? 0 : 1;
} else {
	const { results, durationMs } = await runSuite({
		...common,
		loader: values.loader,
		onResult(result, done, total) {
			if (!result.pass || !values.quiet) {
				const line = `[${done}/${total}] ${result.pass ? "PASS" : "FAIL"} ${result.id}`;
				console.log(result.pass ? line : `${line}: ${result.reason}`);
			}
		},
	});
	const passed = results.filter(result => result.pass).length;
	const failed = results.length - passed;
	console.log(`\n${passed} passed, ${failed} failed, ${results.length} total in ${seconds(durationMs)}`
		+ ` (node ${values.node}${values.loader === undefined ? "" : `, loader ${values.loader}`})`);
	writeJson({ node: values.node, loader: values.loader ?? null, durationMs, passed, failed, results });
	process.exitCode = failed === 0 ? 0 : 1;
}
