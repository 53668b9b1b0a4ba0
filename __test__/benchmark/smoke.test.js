// The benchmark scripts run end to end on a tiny monorepo (benchmark/smoke.js): every section
// produces rows, and every tool is either measured or says why not. Timings are not checked.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import test from "ava";

test("npm run bench --quick produces every section", async t => {
	t.timeout(5 * 60_000);
	const smoke = fileURLToPath(new URL("../../benchmark/smoke.js", import.meta.url));
	const { stdout } = await promisify(execFile)(process.execPath, [smoke], { maxBuffer: 1 << 24 });
	// execFile rejects (and the test fails with the smoke check's reasons) on a non-zero exit.
	t.is(stdout.trim(), "benchmark smoke check passed");
});
