// Reads the YAML metadata block (`/*--- … ---*/`) of a test262 file. test262 uses a small, regular
// subset of YAML (top-level keys; flow lists `[a, b]`; block lists `- a`; one nested map for
// `negative`; block scalars `|`/`>` for prose), so a parser of that subset avoids a dependency.

const blockPattern = /\/\*---\r?\n([\s\S]*?)\r?\n\s*---\*\//;

/**
 * @typedef {{
 *   flags: string[],
 *   includes: string[],
 *   features: string[],
 *   negative: { phase: string, type: string } | undefined,
 * }} Frontmatter
 */

/** @param {string} source @returns {Frontmatter} */
export function parseFrontmatter(source) {
	const match = blockPattern.exec(source);
	const fields = match === null ? {} : parseBlock(match[1]);
	const negative = fields.negative;
	return {
		flags: asList(fields.flags),
		includes: asList(fields.includes),
		features: asList(fields.features),
		negative: negative !== undefined && typeof negative === "object" && !Array.isArray(negative)
			? { phase: String(negative.phase), type: String(negative.type) }
			: undefined,
	};
}

/** @param {unknown} value @returns {string[]} */
function asList(value) {
	if (value === undefined) {
		return [];
	}
	return Array.isArray(value) ? value : [ String(value) ];
}

/** @param {string} line */
function indentOf(line) {
	return line.length - line.trimStart().length;
}

/** @param {string} text */
function parseScalar(text) {
	const trimmed = text.trim();
	if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
		const inner = trimmed.slice(1, -1).trim();
		return inner === "" ? [] : inner.split(",").map(item => unquote(item.trim()));
	}
	return unquote(trimmed);
}

/** @param {string} text */
function unquote(text) {
	if (text.length >= 2 && (text[0] === "\"" || text[0] === "'") && text.at(-1) === text[0]) {
		return text.slice(1, -1);
	}
	return text;
}

/**
 * Parses the lines of one mapping level; nested levels are the following lines indented deeper
 * than the key.
 * @param {string} text
 * @returns {Record<string, unknown>}
 */
function parseBlock(text) {
	const lines = text.split(/\r?\n/);
	const baseIndent = Math.min(...lines.filter(line => line.trim() !== "").map(indentOf));
	/** @type {Record<string, unknown>} */
	const result = {};
	let index = 0;
	while (index < lines.length) {
		const line = lines[index];
		++index;
		if (line.trim() === "" || indentOf(line) !== baseIndent) {
			continue;
		}
		const keyMatch = /^\s*([\w$.-]+):(.*)$/.exec(line);
		if (keyMatch === null) {
			continue;
		}
		const [ , key, rest ] = keyMatch;
		const nested = [];
		while (index < lines.length && (lines[index].trim() === "" || indentOf(lines[index]) > baseIndent)) {
			nested.push(lines[index]);
			++index;
		}
		const inline = rest.trim();
		if (/^[|>][+-]?$/.test(inline)) {
			result[key] = nested.map(nestedLine => nestedLine.trim()).join("\n").trim();
		} else if (inline !== "") {
			result[key] = parseScalar(inline);
		} else if (nested.some(nestedLine => nestedLine.trim().startsWith("- "))) {
			result[key] = nested
				.filter(nestedLine => nestedLine.trim().startsWith("- "))
				.map(nestedLine => unquote(nestedLine.trim().slice(2).trim()));
		} else if (nested.some(nestedLine => nestedLine.trim() !== "")) {
			result[key] = parseBlock(nested.join("\n"));
		} else {
			result[key] = "";
		}
	}
	return result;
}
