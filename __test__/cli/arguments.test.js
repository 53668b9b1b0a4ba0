// The `dynohot` command line (src/cli/arguments.ts): dynohot's options from flags or the
// environment, node's options passed through, the entry and its arguments.
import test from "ava";
import { parseCommandLine, UsageError } from "../../dist/cli/arguments.js";

const defaults = { restart: true, silent: false, sentinel: true, autoDispose: false, ignore: undefined, stopTimeoutSeconds: 30, stuckTimeoutSeconds: 10 };

test("node's options before the entry are passed through, with the values they take", t => {
	t.deepEqual(parseCommandLine([ "--inspect", "--conditions", "dev", "-r", "./setup.cjs", "--env-file=.env", "main.js", "--port", "80" ], {}), {
		kind: "run",
		options: defaults,
		nodeOptions: [ "--inspect", "--conditions", "dev", "-r", "./setup.cjs", "--env-file=.env" ],
		entry: "main.js",
		args: [ "--port", "80" ],
	});
});

test("dynohot's flags win over its environment variables", t => {
	const environment = { DYNOHOT_RESTART: "0", DYNOHOT_SILENT: "1", DYNOHOT_SENTINEL: "0", DYNOHOT_AUTO_DISPOSE: "1", DYNOHOT_IGNORE: "generated", DYNOHOT_STOP_TIMEOUT: "5", DYNOHOT_STUCK_TIMEOUT: "3" };
	t.like(parseCommandLine([ "main.js" ], environment), { options: { restart: false, silent: true, sentinel: false, autoDispose: true, ignore: "generated", stopTimeoutSeconds: 5, stuckTimeoutSeconds: 3 } });
	t.like(parseCommandLine([ "--auto-dispose", "--no-sentinel", "main.js" ], {}), { options: { ...defaults, sentinel: false, autoDispose: true } });
	t.like(parseCommandLine([ "--ignore", "vendor", "--stop-timeout=2", "--stuck-timeout", "1.5", "--silent", "--no-restart", "main.js" ], environment), {
		options: { restart: false, silent: true, ignore: "vendor", stopTimeoutSeconds: 2, stuckTimeoutSeconds: 1.5 },
		nodeOptions: [],
	});
});

test("after the entry, everything is the app's, dynohot's flags included", t => {
	t.like(parseCommandLine([ "main.js", "--silent", "--help" ], {}), { kind: "run", options: defaults, args: [ "--silent", "--help" ] });
	t.like(parseCommandLine([ "--", "--odd-name.js", "x" ], {}), { entry: "--odd-name.js", args: [ "x" ] });
});

test("--help and --version", t => {
	t.deepEqual(parseCommandLine([ "--inspect", "--help" ], {}), { kind: "help" });
	t.deepEqual(parseCommandLine([ "-v" ], {}), { kind: "version" });
});

test("a missing entry, a missing value and a bad value are usage errors", t => {
	t.throws(() => parseCommandLine([ "--silent" ], {}), { instanceOf: UsageError, message: "no entry file given" });
	t.throws(() => parseCommandLine([ "--ignore" ], {}), { instanceOf: UsageError, message: "--ignore needs a value" });
	t.throws(() => parseCommandLine([ "--ignore", "(", "main.js" ], {}), { instanceOf: UsageError, message: /^--ignore: / });
	t.throws(() => parseCommandLine([ "main.js" ], { DYNOHOT_STOP_TIMEOUT: "soon" }), { instanceOf: UsageError, message: /^--stop-timeout: / });
	t.throws(() => parseCommandLine([ "--stuck-timeout=-1", "main.js" ], {}), { instanceOf: UsageError, message: /^--stuck-timeout: / });
	t.throws(() => parseCommandLine([ "--silent", "--" ], {}), { instanceOf: UsageError, message: "no entry file given" });
});
