// One test per scenario directory under ./scenarios (format: __test__/README.md).
import test from "ava";
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { limit, runScenario } from "../harness/index.js";

const scenarios = fileURLToPath(new URL("scenarios/", import.meta.url));
const queue = limit();

for (const name of fs.readdirSync(scenarios).sort()) {
	const directory = path.join(scenarios, name);
	if (fs.existsSync(path.join(directory, "expect.json"))) {
		test(name, t => queue(() => runScenario(t, directory)));
	}
}
