// The SyntaxError a transform error is thrown as (docs/transform-contract.md §1), built from the
// error data either backend returns; JSON modules that do not parse are reported the same way.

import { Script } from "node:vm";

/** The fields of a transform error, as the Rust transform reports them. */
export interface TransformErrorData {
	message: string;
	file: string;
	/** 1-based. */
	line: number;
	/** 1-based, in UTF-16 code units. */
	column: number;
	codeFrame: string;
}

/** A transform error: a plain `SyntaxError` carrying the position and the code frame. */
export type TransformSyntaxError = SyntaxError & Readonly<Omit<TransformErrorData, "message">>;

/**
 * A `SyntaxError` that Node prints as it is when it ends the process. For any other uncaught
 * error Node first prints the source line the error was made on, which for this one is a line of
 * dynohot (or, off-thread, of Node's loader). Node leaves out that line for an error it has
 * decorated already: it does that to the errors of code that fails to compile, so the error is
 * taken from such a compilation, made in this thread. Its message and stack are replaced below.
 */
function printableSyntaxError(): SyntaxError {
	try {
		new Script("(", { filename: "dynohot" });
	} catch (error) {
		if (error instanceof SyntaxError) {
			return error;
		}
	}
	// Unreachable with V8; a plain error still reads right, with a line of dynohot above it.
	return new SyntaxError();
}

/** A property Node does not print after the stack of an uncaught error. */
function hidden(value: unknown): PropertyDescriptor {
	return { value, enumerable: false, writable: true, configurable: true };
}

/**
 * A plain `SyntaxError`, not a subclass: Node prints an uncaught error under its constructor's
 * name, and a module that fails to parse must read `SyntaxError: …` as it does without dynohot.
 * The message is one line with the position; the stack (what Node prints for an uncaught error)
 * is the message, the code frame and one frame at the position in the module: the frames of the
 * transform's own code say nothing (and without any frame Node prints the stack in brackets).
 * The fields are not enumerable, so Node does not print them after the stack.
 */
export function transformSyntaxError(data: TransformErrorData): TransformSyntaxError {
	const { file, line, column, codeFrame } = data;
	const error = printableSyntaxError();
	const message = `${data.message} (${file}:${line}:${column})`;
	Object.defineProperties(error, {
		message: hidden(message),
		stack: hidden(`${error.name}: ${message}\n${codeFrame}\n    at ${file}:${line}:${column}`),
		file: hidden(file),
		line: hidden(line),
		column: hidden(column),
		codeFrame: hidden(codeFrame),
	});
	return error as TransformSyntaxError;
}

/**
 * An error of linking (an import of a name the module does not export, an ambiguous star
 * export), thrown where the importing module `importer` links: Node prints it as it is, naming
 * that module instead of the runtime's own code.
 */
export function linkSyntaxError(message: string, importer: string): SyntaxError {
	const error = printableSyntaxError();
	Object.defineProperties(error, {
		message: hidden(message),
		stack: hidden(`${error.name}: ${message}\n    at ${importer}`),
	});
	return error;
}

/** Whether `error` came from the transform (it has a code frame to show instead of a stack). */
export function isTransformSyntaxError(error: unknown): error is TransformSyntaxError {
	return error instanceof SyntaxError && typeof (error as { codeFrame?: unknown }).codeFrame === "string";
}

/** The data `error` was made from: `transformSyntaxError(transformErrorData(error))` makes it again. */
export function transformErrorData(error: TransformSyntaxError): TransformErrorData {
	const { file, line, column, codeFrame } = error;
	const position = ` (${file}:${line}:${column})`;
	const message = error.message.endsWith(position) ? error.message.slice(0, -position.length) : error.message;
	return { message, file, line, column, codeFrame };
}

/** Lines of context shown before and after the error line (as the Rust transform shows them). */
const frameContext = 2;
/** Longest line shown in a frame; longer lines (minified JSON) are cut around the column. */
const frameLineLimit = 160;

/** JavaScript's line terminators: `\r\n` is one. */
const lineBreak = /\r\n|[\n\r\u2028\u2029]/u;

/**
 * The code frame of the Rust transform (crates/dynohot_transform/src/error.rs), for errors found
 * in JavaScript: numbered lines around `line` (1-based), `>` on it and a caret under `column`
 * (1-based, UTF-16 code units).
 */
function codeFrame(source: string, line: number, column: number): string {
	const lines = source.split(lineBreak);
	// A final line break ends the last line; it does not start an empty one worth showing.
	if (lines.length > 1 && lines.at(-1) === "") {
		lines.pop();
	}
	const index = Math.min(line - 1, lines.length - 1);
	const first = Math.max(0, index - frameContext);
	const last = Math.min(index + frameContext, lines.length - 1);
	const width = String(last + 1).length;
	const frame: string[] = [];
	for (const [ offset, text ] of lines.slice(first, last + 1).entries()) {
		const current = first + offset;
		const isErrorLine = current === index;
		const characters = [ ...text.replaceAll("\t", " ") ];
		// The caret counts characters, so it lines up in a terminal.
		const caretAt = isErrorLine ? [ ...text.slice(0, column - 1) ].length : 0;
		const { shown, caret } = visiblePart(characters, caretAt);
		const gutter = `${isErrorLine ? ">" : " "} ${String(current + 1).padStart(width)} |`;
		frame.push(shown === "" ? gutter : `${gutter} ${shown}`);
		if (isErrorLine) {
			frame.push(`  ${" ".repeat(width)} | ${" ".repeat(caret)}^`);
		}
	}
	return frame.join("\n").trimEnd();
}

function visiblePart(characters: readonly string[], caretAt: number): { shown: string; caret: number } {
	if (characters.length <= frameLineLimit) {
		return { shown: characters.join(""), caret: caretAt };
	}
	const start = Math.min(Math.max(0, caretAt - frameLineLimit / 2), characters.length);
	const end = Math.min(start + frameLineLimit, characters.length);
	const shown = `${start > 0 ? "…" : ""}${characters.slice(start, end).join("")}${end < characters.length ? "…" : ""}`;
	return { shown, caret: caretAt - Math.min(start, caretAt) + (start > 0 ? 1 : 0) };
}

/**
 * Where `JSON.parse` stopped: V8 names the offset (`… at position 11`) unless the text ended
 * early, which is an error at its end.
 */
function jsonErrorOffset(text: string, message: string): number {
	const position = /\bat position (?<offset>\d+)/u.exec(message)?.groups?.offset;
	return position === undefined ? text.length : Math.min(Number(position), text.length);
}

/**
 * The error of a JSON module (file: URL `url`) whose `text` does not parse, as a transform error:
 * the parser's message, the position and a code frame.
 */
export function jsonSyntaxError(url: string, text: string, parseError: unknown): TransformSyntaxError {
	const message = parseError instanceof Error ? parseError.message : String(parseError);
	const before = text.slice(0, jsonErrorOffset(text, message));
	const lines = before.split(lineBreak);
	const line = lines.length;
	const column = lines.at(-1)!.length + 1;
	return transformSyntaxError({ message, file: url, line, column, codeFrame: codeFrame(text, line, column) });
}

/**
 * Where V8 marks a syntax error in `code` (compiled under the name `url`): node decorates the
 * stack of a `vm.Script` that fails to compile with the line number, the line and carets under
 * the marked text (tabs before it kept as tabs).
 */
function compiledErrorPosition(code: string, url: string): { line: number; text: string; column: number; length: number } | undefined {
	let stack: string | undefined;
	try {
		new Script(code, { filename: url });
	} catch (error) {
		stack = error instanceof SyntaxError ? error.stack : undefined;
	}
	const match = stack === undefined ? null : /^.*:(?<line>\d+)\n(?<text>.*)\n(?<indent>[ \t]*)(?<carets>\^+)/u.exec(stack);
	if (match?.groups === undefined) {
		return undefined;
	}
	const { line, text, indent, carets } = match.groups as Record<"line" | "text" | "indent" | "carets", string>;
	return { line: Number(line), text, column: indent.length, length: carets.length };
}

/**
 * A syntax error V8 found in the transform's output `code` of the module `url` (the transform
 * leaves some early errors to V8: an invalid regular expression, for one), as a transform error
 * at its place in `source`. The output keeps every line of the source on its line; on a line the
 * transform edited, the column is that of the marked text in the source line (the occurrence
 * nearest to where V8 marks it). `undefined` when V8 does not say where.
 */
export function compiledSyntaxError(url: string, source: string, code: string, error: SyntaxError): TransformSyntaxError | undefined {
	const position = compiledErrorPosition(code, url);
	if (position === undefined) {
		return undefined;
	}
	const sourceLine = source.split(lineBreak)[position.line - 1] ?? "";
	const column = position.text === sourceLine
		? position.column
		: nearestOccurrence(sourceLine, position.text.slice(position.column, position.column + position.length), position.column);
	const data = { message: error.message, file: url, line: position.line, column: column + 1 };
	return transformSyntaxError({ ...data, codeFrame: codeFrame(source, data.line, data.column) });
}

/** The index of the occurrence of `text` in `line` nearest to `near`; 0 when there is none. */
function nearestOccurrence(line: string, text: string, near: number): number {
	let nearest: number | undefined;
	for (let index = line.indexOf(text); index !== -1 && text !== ""; index = line.indexOf(text, index + 1)) {
		if (nearest === undefined || Math.abs(index - near) < Math.abs(nearest - near)) {
			nearest = index;
		}
	}
	return nearest ?? 0;
}
