// The runtime host (./model/runtime-host.ts): what the layers above the model (the Hot API, `import()`,
// the update scheduler, the report of updates) provide to the model and the loader.

import { importFrom } from "./load/dynamic-import.js";
import { Hot } from "./hot/hot.js";
import { createImportMeta } from "./hot/import-meta.js";
import { subscribe } from "./report/logger.js";
import type { RuntimeHost } from "./model/runtime-host.js";
import { stubRuntime } from "./model/stub-runtime.js";
import { noteLoadedModules } from "./update/update.js";
import { invalidate, startPendingWatches, watchController } from "./update/update-scheduler.js";
import { subscribeUpdates } from "./report/update-events.js";

export const runtimeHost: RuntimeHost = {
	stubRuntime,
	importMeta: instance => createImportMeta(instance.controller.url, instance.controller.isMain, new Hot(instance.hotState, { invalidate: () => invalidate(instance), subscribe, subscribeUpdates })),
	importFrom,
	watch: watchController,
	startPendingWatches,
	noteLoadedModules,
};
