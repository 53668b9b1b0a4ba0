// What dynohot prints, as patterns the tests wait for.

/**
 * The success line of an update with `loaded` new and `reevaluated` re-evaluated modules.
 * @param {number} loaded
 * @param {number} reevaluated
 */
export function loadedLine(loaded, reevaluated) {
	const modules = (/** @type {number} */ count) => count === 1 ? "module" : "modules";
	return new RegExp(`^\\[hot\\] Loaded ${loaded} new ${modules(loaded)}, reevaluated ${reevaluated} existing ${modules(reevaluated)} in \\d+ms\\.$`);
}
