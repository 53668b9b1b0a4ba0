// One test per fixture directory under ./fixtures/<topic>/<case>/ (format: fixtures/README.md).
import test from "ava";
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { defaultParallelApps, limit, runScenario } from "../harness/index.js";

const fixtures = fileURLToPath(new URL("fixtures/", import.meta.url));

// These cases were once a dozen test files, each starting all its applications at once beside
// one other file (ava's concurrency): one file now, so it runs as many as those two files did.
const queue = limit(defaultParallelApps * 3);

/** @param {string} directory */
const subdirectories = directory => fs.readdirSync(directory, { withFileTypes: true })
	.filter(entry => entry.isDirectory())
	.map(entry => entry.name)
	.sort();

for (const topic of subdirectories(fixtures)) {
	for (const name of subdirectories(path.join(fixtures, topic))) {
		const directory = path.join(fixtures, topic, name);
		if (fs.existsSync(path.join(directory, "expect.json"))) {
			const { description } = JSON.parse(fs.readFileSync(path.join(directory, "expect.json"), "utf8"));
			test(description === undefined ? `${topic}/${name}` : `${topic}/${name}: ${description}`, t => queue(() => runScenario(t, directory)));
		}
	}
}
