// Real-world ES module sources for the transform throughput benchmark, read from devDependencies:
// many tiny files (lodash-es, date-fns), mid-sized library code (rxjs's ES module build) and two
// very large bundles (three).

import * as fs from "node:fs";
import * as path from "node:path";
import { repositoryRoot } from "./tools.js";

const modules = path.join(repositoryRoot, "node_modules");

export const corpora = [
	{ id: "lodash-es", directory: "lodash-es", include: relative => !relative.includes("/") && relative.endsWith(".js") },
	{ id: "rxjs", directory: "rxjs/dist/esm", include: relative => relative.endsWith(".js") },
	{ id: "date-fns", directory: "date-fns", include: relative => (!relative.includes("/") || relative.startsWith("_lib/")) && relative.endsWith(".js") },
	{ id: "three", directory: "three/build", include: relative => relative === "three.core.js" || relative === "three.module.js" },
];

/** The corpus's files (the first `maxFiles`) as { file, url, source }, sorted by path; empty when the package is missing. */
export function readCorpus(corpus, maxFiles = Infinity) {
	const root = path.join(modules, corpus.directory);
	if (!fs.existsSync(root)) {
		return [];
	}
	return fs.readdirSync(root, { recursive: true })
		.map(relative => relative.split(path.sep).join("/"))
		.filter(relative => corpus.include(relative))
		.sort()
		.slice(0, maxFiles)
		.map(relative => {
			const file = path.join(root, relative);
			return { file, url: `file://${file}`, source: fs.readFileSync(file, "utf8") };
		});
}
