// docs/semantics.md §3: every test262 module test that plain `node` passes must also pass under the loader,
// for the Node binary in DYNOHOT_TEST_NODE (default: the one running ava). The tests that do not
// yet are listed, with their reason, in known-failures.txt: any other regression fails this test.
import test from "ava";
import * as fs from "node:fs";
import { execFileSync } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";
import { compareWithLoader, describeFailure } from "./compare.js";

const node = process.env.DYNOHOT_TEST_NODE ?? process.execPath;
const nodeVersion = execFileSync(node, [ "--version" ], { encoding: "utf8" }).trim();
const registerFile = fileURLToPath(new URL("../../dist/register.js", import.meta.url));

/** Test ids (as `describeFailure` prints them) known to fail under the loader, with the reason. */
const knownFailures = new Map(fs.readFileSync(new URL("known-failures.txt", import.meta.url), "utf8")
	.split("\n")
	.filter(line => line.trim() !== "" && !line.startsWith("#"))
	.map(line => {
		const [ id = "", reason = "" ] = line.split("  # ");
		return [ id.trim(), reason.trim() ];
	}));

test(`test262 module tests that pass under plain node ${nodeVersion} pass under dynohot/register`, async t => {
	t.timeout(60 * 60_000);
	if (!t.true(fs.existsSync(registerFile), `${registerFile} is missing: build first (npm run build)`)) {
		return;
	}

	const comparison = await compareWithLoader({ node, loader: pathToFileURL(registerFile).href });
	const total = comparison.outcomes.length;
	t.log(`node ${nodeVersion}: ${comparison.plainPassed}/${total} pass plainly, `
		+ `${comparison.plainPassed - comparison.regressions.length} of those under the loader; `
		+ `${(comparison.durationMs / 1000).toFixed(1)} s (summed per-test wall time: plain ${(comparison.plainMs / 1000).toFixed(0)} s, `
		+ `loader ${(comparison.hotMs / 1000).toFixed(0)} s)`);
	// Guards against a broken runner making the comparison vacuous: most of the suite is plain
	// module code and dynamic import, which every supported Node passes.
	t.true(comparison.plainPassed > total / 2, `only ${comparison.plainPassed}/${total} pass under plain node: the runner is broken`);
	const unexpected = comparison.regressions.filter(result => !knownFailures.has(result.id));
	const fixed = comparison.outcomes.flatMap(({ hot }) => hot?.pass === true && knownFailures.has(hot.id) ? [ hot.id ] : []);
	if (fixed.length > 0) {
		t.log(`${fixed.length} tests in known-failures.txt pass now; remove them:\n${fixed.join("\n")}`);
	}
	t.log(`${comparison.regressions.length - unexpected.length} known failures (known-failures.txt)`);
	t.is(unexpected.length, 0,
		`${unexpected.length} tests pass under plain node but fail under the loader:\n`
		+ unexpected.map(describeFailure).join("\n"));
});
