// `import type { Hot } from "dynohot"`: the generic `Hot<Data>` and, through the import alone, the
// `import.meta.hot` augmentation (no triple-slash directive in this program).
import type {} from "dynohot";
import type { Hot, UpdateEvent, UpdateOutcome } from "dynohot";
import type { Server } from "node:http";
import { createServer } from "node:http";

const hot: Hot<{ server?: Server }> | undefined = import.meta.hot;
const server = hot?.data?.server ?? createServer();
hot?.dispose(data => {
	data.server = server;
});

const typed: Server | undefined = hot?.data?.server;

hot?.dispose(data => {
	// @ts-expect-error not part of the declared data
	data.other = 1;
});
hot?.dispose(data => {
	// @ts-expect-error `server` holds a Server
	data.server = "not a server";
});

const dynoHot: Hot<{ server?: Server }> | undefined = import.meta.dynoHot;

// The update events are exported for code that handles them outside the module that subscribes.
function describe(event: UpdateEvent): string {
	const outcome: UpdateOutcome = event.outcome;
	return `${outcome}: ${event.changed.join(", ")} in ${event.durationMs.total}ms`;
}
hot?.on("update", event => console.log(describe(event)));
