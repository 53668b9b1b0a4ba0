// Runs in the main thread, imported by the bindings modules of ./facade.ts: keeps the native
// export bindings that importers outside the hot graph see in step with the running instances.
// The bindings are assigned after the hot graph was evaluated and again after every update (the
// runtime reports the end of each one through its logger). A module that reassigns one of its
// own `export let` bindings later is seen by these importers at the next update.

import { controllerByURL } from "../runtime/controller.js";
import { subscribe } from "../runtime/logger.js";

type Read = (name: string) => unknown;
type Assign = (read: Read) => void;

const followers: { readonly url: string; readonly assign: Assign }[] = [];

function refresh(url: string, assign: Assign): void {
	const accessors = controllerByURL(url)?.current?.accessors;
	if (accessors === undefined) {
		return;
	}
	assign(name => {
		try {
			return accessors[name]?.();
		} catch {
			// Still in its temporal dead zone (an instance that failed to evaluate).
			return undefined;
		}
	});
}

export function refreshLiveBindings(): void {
	for (const { url, assign } of followers) {
		refresh(url, assign);
	}
}

export function followLiveBindings(url: string, assign: Assign): void {
	if (followers.length === 0) {
		subscribe(refreshLiveBindings);
	}
	followers.push({ url, assign });
	refresh(url, assign);
}
