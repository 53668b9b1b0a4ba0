// What a replaced instance's leftover code reads through its imports. An instance outlives its
// replacement wherever the application kept one of its functions: a timer, a listener on a server
// kept in `hot.data`, a callback handed to a library. Such code calls imported functions by their
// local names; it should reach the code that runs now, not the versions it was first linked to.
// So when an instance is replaced, its holder is rebound once to readers that look up the same
// local name in the holder of whichever instance is running at the time of the read, and fall
// back to the instance's own binding when the running code no longer imports that name.
// Nothing keeps the replaced instance alive: the readers hang off its own scope.

import type { HotController } from "./controller.js";
import type { ModuleInstance } from "./instance.js";
import type { ImportHolder } from "./version.js";

export function followRunningImports(controller: HotController, replaced: ModuleInstance): void {
	const own = replaced.holder;
	if (own === undefined || replaced.rebind === undefined) {
		return;
	}
	const following = Object.create(null) as ImportHolder;
	for (const name of Object.keys(own)) {
		const fallback = own[name];
		following[name] = () => {
			const running = controller.current;
			const reader = running === replaced ? undefined : running?.holder?.[name];
			return (reader ?? fallback)();
		};
	}
	replaced.holder = following;
	replaced.rebind(following);
}
