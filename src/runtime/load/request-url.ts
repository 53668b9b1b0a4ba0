// `dynohot:request?specifier=…&parent=…&with=…`: how the runtime asks the hooks to resolve a
// request of a hot module (attributes travel in the query, sorted by key).

export function requestURL(specifier: string, parent: string, attributes: Readonly<Record<string, string>>): string {
	let query = `specifier=${encodeURIComponent(specifier)}&parent=${encodeURIComponent(parent)}`;
	for (const key of Object.keys(attributes).sort()) {
		query += `&with=${encodeURIComponent(`${key}=${attributes[key]}`)}`;
	}
	return `dynohot:request?${query}`;
}
