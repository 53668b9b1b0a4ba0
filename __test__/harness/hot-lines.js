// What dynohot prints, as patterns the tests wait for.

/**
 * The success line of an update with `loaded` new and `reevaluated` re-evaluated modules, up to
 * its duration: `[hot] Loaded 1 new module, reevaluated 0 existing modules in`.
 * @param {number} loaded
 * @param {number} reevaluated
 */
export function loadedLineStart(loaded, reevaluated) {
	const modules = (/** @type {number} */ count) => count === 1 ? "module" : "modules";
	return `[hot] Loaded ${loaded} new ${modules(loaded)}, reevaluated ${reevaluated} existing ${modules(reevaluated)} in`;
}

/**
 * The success line of an update with `loaded` new and `reevaluated` re-evaluated modules.
 * @param {number} loaded
 * @param {number} reevaluated
 */
export function loadedLine(loaded, reevaluated) {
	const start = loadedLineStart(loaded, reevaluated).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
	return new RegExp(`^${start} \\d+ms\\.$`);
}
