// Renders results (see run.js for the shape) as the Markdown tables of benchmark/README.md. Every
// ratio is against a baseline measured in the same run: plain node for startup, upstream dynohot
// for edits, upstream's Babel transform for throughput, `node --watch` of the same Node.js for save → serving. Memory
// rows are judged against the goal of issue 14 (lib/reload-goal.js) instead.

import { RELOAD_GOAL } from "../lib/reload-goal.js";

const ms = value => (value === undefined ? "–" : value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(value < 10 ? 1 : 0)} ms`);
const spread = (summary, format) => (summary ? `${format(summary.min)}–${format(summary.max)}` : "–");
const ratio = (value, base) => (value === undefined || base === undefined || base === 0 ? "–" : `${(value / base).toFixed(2)}×`);
const notMeasured = row => `${row.status}: ${String(row.reason ?? "").replaceAll("|", "\\|").slice(0, 160)}`;
const retried = row => (row.failedUpdateCount > 0 ? ` (${row.failedUpdateCount} failed updates, saved again)` : "");
const table = (header, rows) => [
	`| ${header.join(" | ")} |`,
	`| ${header.map(() => "---").join(" | ")} |`,
	...rows.map(cells => `| ${cells.join(" | ")} |`),
].join("\n");

function startupTable(rows) {
	const find = (size, tool) => rows.find(row => row.size === size && row.tool === tool && row.status === "ok");
	const body = rows.map(row => {
		// Results from before rows named their baseline: the TypeScript variant ran against node-ts.
		const base = find(row.size, row.baseline ?? (row.variant === "ts" ? "node-ts" : "node"));
		// Upstream runs on the host Node.js only: the ratio compares tools on the same Node.js.
		const upstream = row.baseline === "node" || row.baseline === undefined && row.variant === "js" ? find(row.size, "upstream") : undefined;
		const name = `${row.label}${row.variant === "ts" ? " — TS app" : ""}`;
		if (row.status !== "ok") {
			return [row.size, name, notMeasured(row), "", "", "", ""];
		}
		return [
			row.size,
			name,
			ms(row.wallMs.median),
			spread(row.wallMs, ms),
			ms(row.cpuMs.median),
			`${ratio(row.wallMs.median, base?.wallMs.median)} / ${ratio(row.cpuMs.median, base?.cpuMs.median)}`,
			upstream && row.tool !== "upstream" ? ratio(row.wallMs.median, upstream.wallMs.median) : "–",
		];
	});
	return table(["modules", "tool", "wall (median)", "wall min–max", "CPU (median)", "× plain node, same version (wall / CPU)", "× upstream (wall)"], body);
}

function latencyTable(rows) {
	const body = rows.map(row => {
		if (row.status !== "ok") {
			return [row.size, row.target, row.label, notMeasured(row), "", "", "", ""];
		}
		const upstream = rows.find(other => other.size === row.size && other.target === row.target && other.tool === "upstream" && other.status === "ok");
		return [
			row.size,
			row.target,
			`${row.label}${retried(row)}`,
			ms(row.latencyMs.median),
			spread(row.latencyMs, ms),
			ms(row.updateMs.median),
			`${row.loaded} + ${row.reevaluated}`,
			row.tool === "upstream" ? "–" : `${ratio(row.latencyMs.median, upstream?.latencyMs.median)} / ${ratio(row.updateMs.median, upstream?.updateMs.median)}`,
		];
	});
	return table(["modules", "edited module", "tool", "edit → [hot] (median)", "min–max", "update (its line)", "loaded + re-evaluated", "× upstream (latency / update)"], body);
}

function transformTable(rows) {
	const mbps = value => (value === undefined ? "–" : value.toFixed(2));
	const body = rows.map(row => {
		const corpus = `${row.corpus} (${row.files} files, ${(row.bytes / 1e6).toFixed(2)} MB)`;
		if (row.status !== "ok") {
			return [corpus, row.label, notMeasured(row), "", "", ""];
		}
		const babel = rows.find(other => other.corpus === row.corpus && other.tool === "babel" && other.status === "ok");
		const failed = row.failureCount > 0 ? ` (${row.failureCount} files failed)` : "";
		return [
			corpus,
			`${row.label}${failed}`,
			mbps(row.mbPerCpuSecond.median),
			mbps(row.mbPerSecond.median),
			spread(row.mbPerSecond, mbps),
			row.tool === "babel" ? "–" : ratio(row.mbPerCpuSecond.median, babel?.mbPerCpuSecond.median),
		];
	});
	return table(["corpus", "transform", "MB/s per CPU second (median)", "MB/s wall (median)", "wall min–max", "× Babel (CPU)"], body);
}

export function memoryTable(rows) {
	const kb = value => value.toFixed(2);
	const list = values => values.map(kb).join(" · ");
	const body = rows.map(row => {
		const what = [row.size, row.node, row.sourceMaps ? "on" : "off"];
		if (row.status !== "ok") {
			return [...what, row.label, notMeasured(row), "", "", "", "", "", ""];
		}
		const first = row.updateMsByWindow[0];
		const last = row.updateMsByWindow.at(-1);
		return [
			...what,
			`${row.label}${retried(row)}`,
			`${row.windows} × ${row.reloads}`,
			`${(row.rssStartKb / 1024).toFixed(1)} → ${(row.rssEndKb / 1024).toFixed(1)} MB`,
			list(row.rssKbPerReloadByWindow),
			list(row.heapKbPerReloadByWindow),
			`${ms(first.median)} → ${ms(last.median)}`,
			`${row.updateSlowdown.toFixed(2)}×`,
			verdict(row.verdict),
		];
	});
	return table(["module", "node", "source maps", "tool", "windows × reloads", "RSS after GC, start → end", "RSS KB / reload, by window", "V8 heap KB / reload, by window", "update (median), first → last window", "last ÷ first", "goal"], body);
}

/** "ECONNRESET ×3, status 500": how requests failed, by count. */
const tally = counts => Object.entries(counts).map(([key, count]) => (count === 1 ? key : `${key} ×${count}`)).join(", ");

function restartTable(rows) {
	const body = rows.map(row => {
		if (row.status !== "ok") {
			return [row.size, row.file, row.label, notMeasured(row), "", "", "", "", "", "", "", "", ""];
		}
		const baseline = rows.find(other => other.size === row.size && other.file === row.file && other.tool === row.baseline && other.status === "ok");
		const saves = Object.values(row.applied).reduce((sum, count) => sum + count, 0);
		return [
			row.size,
			row.file,
			row.label,
			Object.entries(row.applied).map(([how, count]) => {
				const shown = how.startsWith("other: ") ? "other (below)" : how;
				return count === saves ? shown : `${shown} ${count}/${saves}`;
			}).join(", "),
			ms(row.servingMs?.median),
			ms(row.servingP90Ms),
			spread(row.servingMs, ms),
			row.tool === row.baseline ? "–" : ratio(row.servingMs?.median, baseline?.servingMs?.median),
			ms(row.restartMs?.median),
			row.refused,
			row.failed === 0 ? "0" : `${row.failed} (${tally(row.failures)})`,
			row.stale,
			`${row.requests} / ${saves}`,
		];
	});
	const note = (row, count, text) => `- ${row.size} modules, ${row.file}, ${row.label}: ${count} × ${text.replaceAll("\n", " ")}`;
	const otherLines = rows.flatMap(row => Object.entries(row.applied ?? {}).filter(([how]) => how.startsWith("other: ")).map(([how, count]) => note(row, count, how.slice("other: ".length))));
	const notServed = rows.flatMap(row => Object.entries(row.notServed ?? {}).map(([reason, count]) => note(row, count, reason)));
	const notes = [
		otherLines.length > 0 ? `Saves whose first \`[hot]\` line was neither an update nor a restart (these did serve, and are in the times above):\n\n${otherLines.join("\n")}` : "",
		notServed.length > 0 ? `Saves not served (not in the times above; the app process went on to its next save):\n\n${notServed.join("\n")}` : "",
	].filter(Boolean).map(text => `\n\n${text}`).join("");
	return `${table(["modules", "edited file", "tool", "applied by", "save → serving (median)", "p90", "min–max", "× node --watch, same Node (median)", "new app's start, from its [hot] line (median)", "refused", "failed", "old text after new", "requests / saves"], body)}${notes}`;
}

const restartIntro = section => `Every save of a run in one app process, ${section.savesPerFile} of each file per run, the two files alternated; a request every 20 ms on a new connection each from 200 ms before each save to 1 s after the new text first served (or the poller gave up on it). Refused, failed, old text after new: totals over every save of the row.`;

function verdict({ misses, reloads }) {
	const outcome = misses.length === 0 ? "✓ meets" : `✗ ${misses.join(", ")}`;
	return reloads < RELOAD_GOAL.reloads ? `${outcome} (${reloads} reloads, not ${RELOAD_GOAL.reloads})` : outcome;
}

const goal = `Goal (issue 14), read in each row's last window: V8 heap growth ≤ ${RELOAD_GOAL.heapKbPerReload} KB and RSS growth ≤ ${RELOAD_GOAL.rssKbPerReload} KB per reload, and the median update time (save → the app's accept callback) at most ${RELOAD_GOAL.updateSlowdown}× the first window's, over ${RELOAD_GOAL.reloads} reloads.`;

const when = section => `${section.measuredAt}, load ${section.loadAverage[0]} → ${section.loadAverageAfter[0]}`;

export function renderMarkdown(results) {
	const sections = [];
	const machine = results.machine;
	sections.push(`Last run ${results.generatedAt} (\`${results.commandLine}\`) on ${machine.cpu} (${machine.cores} cores, ${machine.memoryGb} GB), ${machine.os}, Node ${machine.node}. Each section says when it was measured and the 1-minute load average before and after it.`);
	if (results.startup) {
		sections.push(`### Startup to the ready line (measured ${when(results.startup)}, ${results.startup.runs} runs)\n\n${startupTable(results.startup.rows)}`);
	}
	if (results.latency) {
		sections.push(`### Edit → \`[hot]\` line (measured ${when(results.latency)}, ${results.latency.runs} runs × ${results.latency.editsPerTarget} edits)\n\n${latencyTable(results.latency.rows)}`);
	}
	if (results.transform) {
		sections.push(`### Transform throughput, with source maps (measured ${when(results.transform)}, ${results.transform.runs} runs)\n\n${transformTable(results.transform.rows)}`);
	}
	if (results.memory) {
		sections.push(`### Memory over repeated reloads of one module (measured ${when(results.memory)})\n\n${goal}\n\n${memoryTable(results.memory.rows)}`);
	}
	if (results.restart) {
		sections.push(`### Save → new code serving, and requests lost on the way (measured ${when(results.restart)}, ${results.restart.runs} runs)\n\n${restartIntro(results.restart)}\n\n${restartTable(results.restart.rows)}`);
	}
	return `${sections.join("\n\n")}\n`;
}
