// The SyntaxError a transform error is thrown as (docs/transform-contract.md §1), built from the
// error data either backend returns.

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

export class TransformSyntaxError extends SyntaxError {
	readonly file: string;
	readonly line: number;
	readonly column: number;
	readonly codeFrame: string;

	constructor(data: TransformErrorData) {
		super(`${data.message} (${data.file}:${data.line}:${data.column})\n${data.codeFrame}`);
		this.name = "SyntaxError";
		this.file = data.file;
		this.line = data.line;
		this.column = data.column;
		this.codeFrame = data.codeFrame;
	}
}
