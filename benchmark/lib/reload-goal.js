// The goal of issue 14 ("Reloads retain nothing") that each row of the memory benchmark is judged
// against. Growth is read in the last window, at steady state: the first windows also take in
// one-time sizing (V8's young generation, malloc arenas, the transform's allocator), which levels
// off, where a leak keeps growing at the same rate. The update time of the last window must be
// about that of the first: a tool whose updates slow down as versions pile up is leaking work
// rather than (or as well as) memory.

export const RELOAD_GOAL = {
	heapKbPerReload: 1,
	rssKbPerReload: 10,
	/** "About equal": the last window's median update time over the first's, at most this. */
	updateSlowdown: 1.25,
	/** The goal is stated over this many reloads; rows with fewer say so. */
	reloads: 1000,
};

/**
 * The verdict on a measured row: `misses` lists each part of the goal it is over (empty: it meets
 * the goal), and `reloads` how many reloads the windows held in total.
 */
export function judgeReloads({ heapKbPerReload, rssKbPerReload, updateSlowdown, reloads }) {
	const misses = [];
	if (heapKbPerReload > RELOAD_GOAL.heapKbPerReload) {
		misses.push(`heap ${heapKbPerReload.toFixed(2)} KB > ${RELOAD_GOAL.heapKbPerReload}`);
	}
	if (rssKbPerReload > RELOAD_GOAL.rssKbPerReload) {
		misses.push(`RSS ${rssKbPerReload.toFixed(2)} KB > ${RELOAD_GOAL.rssKbPerReload}`);
	}
	if (updateSlowdown > RELOAD_GOAL.updateSlowdown) {
		misses.push(`update ${updateSlowdown.toFixed(2)}× > ${RELOAD_GOAL.updateSlowdown}×`);
	}
	return { misses, reloads };
}
