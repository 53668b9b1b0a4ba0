// A program that must behave as under plain node: run it both ways, each to its end, and compare.
import { createProject } from "./project.js";

/**
 * Runs the same project under plain node and under dynohot, each to its end, and compares what
 * they print: stdout, the exit code, and the error line (`SomethingError: …`) of stderr.
 * @param {import("ava").ExecutionContext} t
 * @param {Record<string, string | Uint8Array>} files
 * @param {{ entry?: string, nodeOptions?: string[], expectedStdout?: string[] }} [options]
 *   `expectedStdout` also pins what node prints
 */
export async function sameAsNode(t, files, { entry = "main.js", nodeOptions = [], expectedStdout } = {}) {
	const project = await createProject(t, files);
	// The error's name and message; a transform error adds its position to the message (and
	// an error from the off-thread hooks is shown with its prototype's name in brackets).
	const errorOf = (/** @type {string[]} */ lines) => {
		const match = lines.map(line => /^(?<name>[A-Za-z]*Error)\b[^:]*: (?<message>.*)$/.exec(line)).find(Boolean);
		return match?.groups;
	};
	const native = project.start(entry, { hot: false, keepAlive: false, nodeOptions });
	const nativeExit = await native.waitForExit();
	const hot = project.start(entry, { keepAlive: false, nodeOptions });
	const hotExit = await hot.waitForExit();
	const outputs = `plain node:\n${native.output()}\n\ndynohot:\n${hot.output()}`;
	if (expectedStdout !== undefined) {
		t.deepEqual(native.lines.stdout, expectedStdout, outputs);
	}
	t.deepEqual(hot.lines.stdout, native.lines.stdout, outputs);
	t.is(hotExit.code, nativeExit.code, outputs);
	const nativeError = errorOf(native.lines.stderr);
	const hotError = errorOf(hot.lines.stderr);
	t.is(hotError?.name, nativeError?.name, outputs);
	t.true(nativeError === undefined || hotError?.message.startsWith(nativeError.message) === true, outputs);
	return { native, hot };
}
