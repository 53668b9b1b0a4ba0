// SPEC §3: every test262 module test that plain `node` passes must also pass under the loader,
// for the Node binary in DYNOHOT_TEST_NODE (default: the one running ava).
import test from "ava";
import * as fs from "node:fs";
import { execFileSync } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";
import { compareWithLoader, describeFailure } from "./compare.js";

const node = process.env.DYNOHOT_TEST_NODE ?? process.execPath;
const nodeVersion = execFileSync(node, [ "--version" ], { encoding: "utf8" }).trim();
const registerFile = fileURLToPath(new URL("../../dist/register.js", import.meta.url));

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
	t.is(comparison.regressions.length, 0,
		`${comparison.regressions.length} tests pass under plain node but fail under the loader:\n`
		+ comparison.regressions.map(describeFailure).join("\n"));
});
