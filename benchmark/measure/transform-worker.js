// Runs one transform backend over one corpus in this (fresh, single-threaded) process and prints
// one JSON line: a validation pass that also warms the JIT, then timed passes over the files that
// transformed, until `minSeconds` have passed.
// Usage: node transform-worker.js <tool> <corpus> <minSeconds> [<maxFiles>]

import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { corpora, readCorpus } from "../lib/corpora.js";
import { oursTransform, repositoryRoot, upstreamTransform } from "../lib/tools.js";

const [toolId, corpusId, minSecondsText, maxFilesText] = process.argv.slice(2);

/** Returns a function that transforms one file the way the tool does when loading a module, with a source map. */
async function loadTransform(id) {
	switch (id) {
		case "ours-native":
		case "ours-wasm": {
			// The backend is chosen from DYNOHOT_TRANSFORM (set by the parent) when the module loads.
			const { backendName, transformSync } = await import(pathToFileURL(oursTransform).href);
			const expected = id === "ours-native" ? "native" : "wasm";
			if (backendName() !== expected) {
				throw new Error(`asked for the ${expected} backend, got ${backendName()}`);
			}
			return ({ url, source }) => {
				const result = transformSync(source, { url, sourceMap: true });
				return result.code.length + (result.map?.length ?? 0);
			};
		}
		case "babel": {
			// What upstream's load hook calls for every module: (url, import attributes, source, input map).
			const { transformModuleSource } = await import(pathToFileURL(upstreamTransform).href);
			return ({ url, source }) => transformModuleSource(url, {}, source, undefined).length;
		}
		case "swc": {
			const swc = createRequire(`${repositoryRoot}/package.json`)("@swc/core");
			const options = { sourceMaps: true, isModule: true, swcrc: false, configFile: false, jsc: { parser: { syntax: "ecmascript" }, target: "es2022" } };
			return ({ file, source }) => {
				const result = swc.transformSync(source, { ...options, filename: file });
				return result.code.length + (result.map?.length ?? 0);
			};
		}
		default:
			throw new Error(`unknown transform tool ${id}`);
	}
}

const corpus = corpora.find(candidate => candidate.id === corpusId);
const files = readCorpus(corpus, maxFilesText ? Number(maxFilesText) : undefined);
const transform = await loadTransform(toolId);
const usable = [];
const failures = [];
for (const entry of files) {
	try {
		transform(entry);
		usable.push(entry);
	} catch (error) {
		failures.push(`${entry.file.slice(repositoryRoot.length)}: ${String(error.message).split("\n")[0]}`);
	}
}
const passBytes = usable.reduce((sum, entry) => sum + Buffer.byteLength(entry.source), 0);
const minSeconds = Number(minSecondsText);
let bytes = 0;
let passes = 0;
const started = performance.now();
const cpuBefore = process.cpuUsage();
let elapsed = 0;
while (usable.length > 0 && (passes === 0 || elapsed < minSeconds * 1000)) {
	for (const entry of usable) {
		transform(entry);
	}
	bytes += passBytes;
	passes++;
	elapsed = performance.now() - started;
}
// CPU time as well as wall time: on a shared machine the wall time also counts time spent waiting
// for a core, which says more about the neighbours than about the transform.
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
process.stdout.write(`${JSON.stringify({ files: files.length, transformed: usable.length, passBytes, passes, seconds: elapsed / 1000, cpuSeconds, mbPerSecond: bytes / 1e6 / (elapsed / 1000), mbPerCpuSecond: bytes / 1e6 / cpuSeconds, failures })}\n`);
