// What a replaced instance's leftover code reads through its imports. An instance outlives its
// replacement wherever the application kept one of its functions: a timer, a listener on a server
// kept in `hot.data`, a callback handed to a library. Such code calls imported functions by their
// local names; it should reach the code that runs now, not the versions it was first linked to.
// So when an instance is replaced, its holder is rebound once to readers that look up the same
// local name in the holder of whichever instance is running at the time of the read, and fall
// back to the instance's own binding when the running code no longer imports that name.
// Nothing keeps the replaced instance alive: the readers hang off its own scope.

import type { ImportHolder, Rebind } from "./module-body.js";

/** What this needs of an instance: its bound import holder, and the body's rebinder. */
interface ImportingInstance {
	holder: ImportHolder | undefined;
	readonly rebind: Rebind | undefined;
}

/** `replaced` was replaced; `running()` answers the module's running instance at the time of a read. */
export function followRunningImports(replaced: ImportingInstance, running: () => ImportingInstance | undefined): void {
	const own = replaced.holder;
	if (own === undefined || replaced.rebind === undefined) {
		return;
	}
	const following = Object.create(null) as ImportHolder;
	for (const name of Object.keys(own)) {
		const fallback = own[name];
		following[name] = () => {
			const now = running();
			const reader = now === replaced ? undefined : now?.holder?.[name];
			return (reader ?? fallback)();
		};
	}
	replaced.holder = following;
	replaced.rebind(following);
}
