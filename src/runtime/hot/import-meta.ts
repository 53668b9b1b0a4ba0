// `import.meta` of a hot module: the same properties Node gives a module at that URL (on this Node
// version), plus `hot` and `dynoHot`.

import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import type { Hot } from "./hot.js";
import type { ImportMetaObject } from "../model/module-body.js";

// Node added `import.meta.filename` and `dirname` in 20.11, and `main` in 22.18 and 24.2: mirror
// whatever this Node gives us.
const nodeHasFilename = "filename" in import.meta;
const nodeHasMain = "main" in import.meta;

/** `import.meta.resolve` from `parent`, answered by the resolve hook exactly as Node resolves. */
function resolveFrom(parent: string) {
	return function resolve(specifier: unknown): string {
		const query = `specifier=${encodeURIComponent(`${specifier as string}`)}&parent=${encodeURIComponent(parent)}`;
		return import.meta.resolve(`dynohot:resolve?${query}`);
	};
}

function property(value: unknown): PropertyDescriptor {
	return { value, writable: true, enumerable: true, configurable: true };
}

export function createImportMeta(url: string, isMain: boolean, hot: Hot): ImportMetaObject {
	// A null prototype, as Node's own import.meta object has.
	const meta = Object.create(null) as ImportMetaObject;
	if (nodeHasFilename && url.startsWith("file:")) {
		const filename = fileURLToPath(url);
		Object.defineProperty(meta, "dirname", property(dirname(filename)));
		Object.defineProperty(meta, "filename", property(filename));
	}
	if (nodeHasMain) {
		Object.defineProperty(meta, "main", property(isMain));
	}
	Object.defineProperty(meta, "resolve", property(resolveFrom(url)));
	Object.defineProperty(meta, "url", property(url));
	Object.defineProperty(meta, "hot", property(hot));
	Object.defineProperty(meta, "dynoHot", property(hot));
	return meta;
}
