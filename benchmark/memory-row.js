// One row of the memory benchmark with as many reloads as asked, printed as a row of its table.
// The default plan (lib/memory-plan.js) gives the 1 MB rows 200 reloads, because all 8 of them at
// the goal's 1,000 would take over an hour; this runs the goal's count for the rows one wants to
// read at steady state:
//
//   node benchmark/memory-row.js --node newer --tool ours-native --size 1MB --plan 4x250 [--source-maps]
//
// --node host (the node running this) or newer (BENCH_TS_NODE, Node 24 by default); --tool one of
// the memory tools of lib/tools.js. Progress on stderr; the table row and the row's JSON on stdout.

import * as os from "node:os";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { parseMemoryPlan } from "./lib/memory-plan.js";
import { reloadNodes, reloadTools } from "./lib/tools.js";
import { measureRow, warmupReloadsFor } from "./measure/memory.js";
import { memoryTable } from "./report/markdown.js";

const { values: flags } = parseArgs({
	options: {
		node: { type: "string", default: "host" },
		tool: { type: "string", default: "ours-native" },
		size: { type: "string", default: "1MB" },
		plan: { type: "string", default: "4x250" },
		"source-maps": { type: "boolean", default: false },
	},
});
const node = reloadNodes.find(candidate => candidate.id === flags.node);
const tool = reloadTools.find(candidate => candidate.id === flags.tool);
if (node === undefined || tool === undefined) {
	throw new Error(`--node takes ${reloadNodes.map(each => each.id).join(" or ")}, --tool one of ${reloadTools.map(each => each.id).join(", ")}`);
}
const unavailable = node.unavailable?.() ?? tool.unavailable?.();
if (unavailable) {
	throw new Error(unavailable);
}
const [size] = parseMemoryPlan({ ours: `${flags.size}=${flags.plan}`, peers: `${flags.size}=${flags.plan}` });
const { windows, reloads } = tool.peer ? size.peers : size.ours;
const result = await measureRow({
	node,
	tool,
	sourceMaps: flags["source-maps"],
	root: path.join(os.tmpdir(), `dynohot-memory-row-${process.pid}`),
	moduleBytes: size.bytes,
	windows,
	reloads,
	warmupReloads: warmupReloadsFor(reloads),
	log: message => console.error(message),
});
const row = { size: size.label, node: node.label, sourceMaps: flags["source-maps"], label: tool.label, status: "ok", windows, reloads, ...result };
console.log(memoryTable([row]).split("\n").at(-1));
console.log(JSON.stringify(row));
