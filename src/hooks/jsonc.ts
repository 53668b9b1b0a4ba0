// tsconfig.json is JSON with comments (`//` and `/* */`) and trailing commas, as TypeScript reads
// it. `parseJSONC` removes both, outside strings, and hands the rest to `JSON.parse`, so anything
// else that is not JSON is still reported as JSON's own error.

/** The value of `text`, JSON with comments and trailing commas allowed. */
export function parseJSONC(text: string): unknown {
	let plain = "";
	let index = 0;
	while (index < text.length) {
		const char = text[index];
		const next = text[index + 1];
		if (char === "\"") {
			const end = stringEnd(text, index);
			plain += text.slice(index, end);
			index = end;
		} else if (char === "/" && next === "/") {
			const newline = text.indexOf("\n", index);
			index = newline === -1 ? text.length : newline;
		} else if (char === "/" && next === "*") {
			const close = text.indexOf("*/", index + 2);
			index = close === -1 ? text.length : close + 2;
		} else {
			if (char === "}" || char === "]") {
				plain = withoutTrailingComma(plain);
			}
			plain += char;
			index += 1;
		}
	}
	return JSON.parse(plain);
}

/** The index just past the string literal that starts at `start` (its opening quote). */
function stringEnd(text: string, start: number): number {
	let index = start + 1;
	while (index < text.length && text[index] !== "\"") {
		index += text[index] === "\\" ? 2 : 1;
	}
	return index + 1;
}

/** `text` without a comma that ends it, whitespace after the comma included. */
function withoutTrailingComma(text: string): string {
	const trimmed = text.trimEnd();
	return trimmed.endsWith(",") ? trimmed.slice(0, -1) : text;
}
