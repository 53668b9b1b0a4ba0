// Formatting for progress lines.

export const formatMs = ms => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`);

/** The first lines of an error message, on one line (a child's stderr tail can be long). */
export const firstLines = text => text.split("\n").slice(0, 6).join(" | ");

/** The line of a child's output that names the error (e.g. "Error: …"), or the first line. */
export function errorLine(text) {
	const lines = text.split("\n");
	const found = lines.find(line => /\b\w*Error: /.test(line)) ?? lines.find(line => /\b\w*Error\b/.test(line)) ?? lines[0];
	return found.trim();
}
