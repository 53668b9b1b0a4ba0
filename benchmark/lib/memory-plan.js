// What the memory benchmark measures at each module size: windows × reloads per window, for our
// rows and for the peer baselines (upstream dynohot, Vite's module runner). Written as
// `SIZE=WINDOWSxRELOADS,…` (`--memory`, `--memory-peers`), SIZE in KB or MB.
//
// The defaults take about 25 minutes on 2 cores (benchmark/README.md has the measured times):
// - ours: the goal's 1,000 reloads at 1 KB and 100 KB (a reload takes 20–50 ms there); at 1 MB a
//   reload takes ~0.3 s, and 1,000 reloads for each of the 8 rows would take 40 minutes, so
//   2 windows of 100. RSS after GC moves by 0.5–5 MB between measurements there, so these rows
//   resolve RSS growth to tens of KB per reload, not the goal's 10 KB; fewer reloads would
//   resolve less.
// - peers: both retain every version (about 8 and 16 times the module's size per reload), so a
//   few reloads show it, and many would take hours (upstream: 3–7 s per reload of 1 MB) or
//   exhaust V8's heap (Vite: 16 MB per reload of 1 MB).

export const DEFAULT_MEMORY_PLAN = { ours: "1KB=4x250,100KB=4x250,1MB=2x100", peers: "1KB=2x50,100KB=2x25,1MB=2x4" };
/** --quick: every tool, Node.js and source map setting runs, on the smallest module. */
export const QUICK_MEMORY_PLAN = { ours: "1KB=2x2", peers: "1KB=2x2" };

const UNIT_BYTES = { KB: 1024, MB: 1024 * 1024 };

/** "1KB=4x250,1MB=2x50" → Map { "1 KB" → { label, bytes: 1024, windows: 4, reloads: 250 }, … }. */
function parseEntries(text, flag) {
	const entries = new Map();
	for (const entry of text.split(",")) {
		const match = /^([1-9]\d*)(KB|MB)=([1-9]\d*)x([1-9]\d*)$/i.exec(entry.trim());
		if (!match) {
			throw new Error(`${flag} takes SIZE=WINDOWSxRELOADS entries such as 100KB=4x250, got ${entry}`);
		}
		const unit = match[2].toUpperCase();
		const label = `${match[1]} ${unit}`;
		entries.set(label, { label, bytes: Number(match[1]) * UNIT_BYTES[unit], windows: Number(match[3]), reloads: Number(match[4]) });
	}
	return entries;
}

/**
 * The sizes to measure, in the order given: `[{ label, bytes, ours: { windows, reloads }, peers:
 * { windows, reloads } }]`. Both plans must name the same sizes.
 */
export function parseMemoryPlan({ ours, peers }) {
	const oursEntries = parseEntries(ours, "--memory");
	const peerEntries = parseEntries(peers, "--memory-peers");
	const sizes = [...oursEntries.keys()];
	if (sizes.length !== peerEntries.size || sizes.some(size => !peerEntries.has(size))) {
		throw new Error(`--memory (${sizes.join(", ")}) and --memory-peers (${[...peerEntries.keys()].join(", ")}) must name the same sizes`);
	}
	return [...oursEntries.values()].map(({ label, bytes, windows, reloads }) => {
		const peer = peerEntries.get(label);
		return { label, bytes, ours: { windows, reloads }, peers: { windows: peer.windows, reloads: peer.reloads } };
	});
}
