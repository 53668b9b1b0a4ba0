// Runs in the main thread, imported by the bindings modules of ./facade.ts: keeps the native
// export bindings that importers outside the hot graph see in step with the running instance.
// The runtime passes on each write to an exported binding as it happens (the transform marks
// every such write), and has every binding read again when an instance is committed or finishes
// evaluating.

import { followExports } from "../runtime/model/controller.js";

/** One setter per export name of the bindings module (a null-prototype object). */
export type BindingSetters = Readonly<Record<string, (value: unknown) => void>>;

export function followLiveBindings(url: string, setters: BindingSetters): void {
	followExports(url, {
		written(name, value) {
			// A later version may export names this bindings module was not made with.
			if (Object.hasOwn(setters, name)) {
				setters[name](value);
			}
		},
		refresh(read) {
			for (const name of Object.keys(setters)) {
				setters[name](read(name));
			}
		},
	});
}
