// Transform throughput (MB of source per second, with source maps) of each backend on each corpus.
// Every sample is a fresh single-threaded process (see transform-worker.js); samples are
// interleaved run by run across backends.

import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { corpora, readCorpus } from "../lib/corpora.js";
import { errorLine } from "../lib/format.js";
import { summarize } from "../lib/stats.js";
import { transformTools } from "../lib/tools.js";

const run = promisify(execFile);
const worker = fileURLToPath(new URL("transform-worker.js", import.meta.url));

export async function measureTransform({ runs, minSeconds, corpusIds, maxFiles, log }) {
	const rows = [];
	const active = [];
	for (const corpus of corpora.filter(candidate => corpusIds === undefined || corpusIds.includes(candidate.id))) {
		const files = readCorpus(corpus, maxFiles);
		const bytes = files.reduce((sum, entry) => sum + Buffer.byteLength(entry.source), 0);
		for (const tool of transformTools) {
			const row = { corpus: corpus.id, files: files.length, bytes, tool: tool.id, label: tool.label, status: "ok", mbPerSecond: [], mbPerCpuSecond: [] };
			rows.push(row);
			const reason = files.length === 0 ? `node_modules/${corpus.directory} not installed` : tool.unavailable?.();
			if (reason) {
				Object.assign(row, { status: "n/a", reason });
			} else {
				active.push({ tool, corpus, row });
			}
		}
	}
	const total = runs * active.length;
	let done = 0;
	for (let sample = 0; sample < runs; sample++) {
		for (const { tool, corpus, row } of active) {
			done++;
			if (row.status !== "ok") {
				continue;
			}
			try {
				const { stdout } = await run(process.execPath, [worker, tool.id, corpus.id, String(minSeconds), String(maxFiles ?? "")], { env: { ...process.env, ...tool.env }, maxBuffer: 1 << 24 });
				const result = JSON.parse(stdout.trim().split("\n").at(-1));
				row.mbPerSecond.push(result.mbPerSecond);
				row.mbPerCpuSecond.push(result.mbPerCpuSecond);
				Object.assign(row, { transformed: result.transformed, failures: result.failures.slice(0, 5), failureCount: result.failures.length });
				log(`transform [${done}/${total}] run ${sample + 1}/${runs}  ${corpus.id}  ${tool.label}: ${result.mbPerSecond.toFixed(2)} MB/s wall, ${result.mbPerCpuSecond.toFixed(2)} MB/s CPU (${result.passes} passes, ${result.transformed}/${result.files} files)`);
			} catch (error) {
				Object.assign(row, { status: "failed", reason: errorLine(`${error.stderr ?? ""}\n${error.message}`) });
				log(`transform [${done}/${total}] ${corpus.id}  ${tool.label}: FAILED ${row.reason}`);
			}
		}
	}
	return rows.map(row => ({ ...row, mbPerSecond: summarize(row.mbPerSecond), mbPerCpuSecond: summarize(row.mbPerCpuSecond) }));
}
