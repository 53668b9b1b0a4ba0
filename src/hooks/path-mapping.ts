// Where tsconfig.json's `paths` and `baseUrl` send a bare specifier, as tsc resolves it: an exact
// `paths` key first, otherwise the pattern with one `*` whose prefix matches longest, each of its
// targets in order with the `*` replaced; then the specifier under `baseUrl`.

import { resolve } from "node:path";
import type { PathMapping } from "./tsconfig.js";

/** The key of `paths` that `specifier` matches, and what its `*` stands for. */
function matchingKey(specifier: string, paths: Readonly<Record<string, readonly string[]>>): { key: string; star: string } | undefined {
	if (Object.hasOwn(paths, specifier) && !specifier.includes("*")) {
		return { key: specifier, star: "" };
	}
	let best: { key: string; star: string; prefix: number } | undefined;
	for (const key of Object.keys(paths)) {
		const star = key.indexOf("*");
		if (star === -1 || key.indexOf("*", star + 1) !== -1) {
			continue;
		}
		const prefix = key.slice(0, star);
		const suffix = key.slice(star + 1);
		const matches = specifier.length >= prefix.length + suffix.length && specifier.startsWith(prefix) && specifier.endsWith(suffix);
		if (matches && (best === undefined || prefix.length > best.prefix)) {
			best = { key, star: specifier.slice(prefix.length, specifier.length - suffix.length), prefix: prefix.length };
		}
	}
	return best;
}

/** The absolute paths `specifier` may mean under `mapping`, most preferred first. */
export function mappedPaths(specifier: string, mapping: PathMapping): string[] {
	const candidates: string[] = [];
	if (mapping.paths !== undefined) {
		const match = matchingKey(specifier, mapping.paths);
		if (match !== undefined) {
			for (const target of mapping.paths[match.key] ?? []) {
				candidates.push(resolve(mapping.pathsBase, target.replace("*", match.star)));
			}
		}
	}
	if (mapping.baseUrl !== undefined) {
		candidates.push(resolve(mapping.baseUrl, specifier));
	}
	return candidates;
}
