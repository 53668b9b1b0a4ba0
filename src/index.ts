// `dynohot`: `node --import dynohot main.js` turns hot reloading on with the default options.
// A setup file that imports `register` from here and calls it (synchronously, while this module's
// task runs) chooses the options instead.

import { isActive, register } from "./activate.js";
import type { Hot } from "./runtime/hot/hot.js";

export { register, type DynohotOptions } from "./activate.js";
export type { Hot } from "./runtime/hot/hot.js";
export type { UpdateChainLink, UpdateDurations, UpdateError, UpdateEvent, UpdateOutcome } from "./runtime/update-event.js";

// `import type {} from "dynohot"` types `import.meta.hot` (as does `dynohot/import-meta`).
declare global {
	interface ImportMeta {
		readonly hot?: Hot;
		readonly dynoHot?: Hot;
	}
}

queueMicrotask(() => {
	if (!isActive()) {
		register();
	}
});
