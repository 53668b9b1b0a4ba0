// The `dynohot` command line: `dynohot [dynohot and node options] <entry> [arguments]`. dynohot's
// own options may also come from the environment (a flag wins); every other option before the
// entry is Node's, passed through to the app.

export interface CommandOptions {
	/** Restart the app when an update cannot be applied hot (`--no-restart`, `DYNOHOT_RESTART=0`: report it, as `--import dynohot/register` does). */
	readonly restart: boolean;
	/** `--silent`, `DYNOHOT_SILENT=1`. */
	readonly silent: boolean;
	/** `--no-sentinel`, `DYNOHOT_SENTINEL=0`: the `sentinel` option off. */
	readonly sentinel: boolean;
	/** `--auto-dispose`, `DYNOHOT_AUTO_DISPOSE=1`: the `autoDispose` option. */
	readonly autoDispose: boolean;
	/** `--ignore <regexp>`, `DYNOHOT_IGNORE`: the source of the `ignore` option's RegExp. */
	readonly ignore: string | undefined;
	/** `--stop-timeout <seconds>`, `DYNOHOT_STOP_TIMEOUT`: how long a replaced app may take to finish its requests and exit before it is killed. */
	readonly stopTimeoutSeconds: number;
	/** `--stuck-timeout <seconds>`, `DYNOHOT_STUCK_TIMEOUT`: how long an update, or the start of a restarted app, may take before it is given up. */
	readonly stuckTimeoutSeconds: number;
}

export type Command =
	| { readonly kind: "help" }
	| { readonly kind: "version" }
	| {
		readonly kind: "run";
		readonly options: CommandOptions;
		readonly nodeOptions: readonly string[];
		readonly entry: string;
		readonly args: readonly string[];
	};

/** The environment variables behind dynohot's options; the supervisor sets them for the app too. */
export const optionVariables = {
	restart: "DYNOHOT_RESTART",
	silent: "DYNOHOT_SILENT",
	sentinel: "DYNOHOT_SENTINEL",
	autoDispose: "DYNOHOT_AUTO_DISPOSE",
	ignore: "DYNOHOT_IGNORE",
	stopTimeout: "DYNOHOT_STOP_TIMEOUT",
	stuckTimeout: "DYNOHOT_STUCK_TIMEOUT",
} as const;

export const usage = `Usage: dynohot [options] [node options] <entry> [arguments]

Runs <entry> with hot module reloading, like
  node [node options] --enable-source-maps --import dynohot/register <entry> [arguments]
under a supervisor that restarts the app, without refusing a connection, when an update cannot
be applied hot.

Options (environment variable in brackets):
  --no-restart              report updates that cannot be hot instead of restarting [DYNOHOT_RESTART=0]
  --silent                  print nothing on stderr [DYNOHOT_SILENT=1]
  --no-sentinel             no warning when a replaced module leaves running what its
                            evaluation started [DYNOHOT_SENTINEL=0]
  --auto-dispose            after a replaced module's dispose handlers ran, stop the timers,
                            servers, sockets, child processes, workers and listeners its
                            evaluation started and left running [DYNOHOT_AUTO_DISPOSE=1]
  --ignore <regexp>         modules whose file: URL matches load normally and never reload
                            (default: /[/\\\\]node_modules[/\\\\]/) [DYNOHOT_IGNORE]
  --stop-timeout <seconds>  how long a replaced app may take to exit before it is killed
                            (default: 30) [DYNOHOT_STOP_TIMEOUT]
  --stuck-timeout <seconds> an update (a top-level await or a handler that never settles) or a
                            restarted app's start still running after this long (for a start, at
                            least 3 times the longest start so far) is given up: the update
                            becomes a restart, the start is stopped (default: 10)
                            [DYNOHOT_STUCK_TIMEOUT]
  -h, --help                show this help
  -v, --version             show dynohot's version

Every other option before <entry> is passed to node (--inspect, --env-file=.env, --conditions, …).
`;

export class UsageError extends Error {
	override readonly name = "UsageError";
}

// Node's options whose value may be the next argument rather than after `=`.
const nodeOptionsWithValue = new Set([
	"--conditions", "-C", "--env-file", "--env-file-if-exists", "--experimental-loader", "--loader",
	"--import", "--require", "-r", "--input-type", "--inspect-port", "--debug-port", "--title",
	"--disable-warning", "--redirect-warnings", "--stack-trace-limit", "--max-old-space-size",
]);

const defaultStopTimeoutSeconds = 30;
const defaultStuckTimeoutSeconds = 10;

function flagFromEnvironment(value: string | undefined, fallback: boolean): boolean {
	if (value === undefined || value === "") {
		return fallback;
	}
	return value !== "0" && value.toLowerCase() !== "false";
}

function checkedRegExp(source: string): string {
	try {
		new RegExp(source);
	} catch (error) {
		throw new UsageError(`--ignore: ${(error as Error).message}`);
	}
	return source;
}

function checkedSeconds(option: string, text: string): number {
	const seconds = Number(text);
	if (text.trim() === "" || !Number.isFinite(seconds) || seconds < 0) {
		throw new UsageError(`${option}: expected a number of seconds, got "${text}"`);
	}
	return seconds;
}

function secondsFromEnvironment(option: string, value: string | undefined, fallback: number): number {
	return value === undefined || value === "" ? fallback : checkedSeconds(option, value);
}

/** Reads `argv` (the arguments after the command's own path) and the environment. */
export function parseCommandLine(argv: readonly string[], environment: NodeJS.ProcessEnv): Command {
	let restart = flagFromEnvironment(environment[optionVariables.restart], true);
	let silent = flagFromEnvironment(environment[optionVariables.silent], false);
	let sentinel = flagFromEnvironment(environment[optionVariables.sentinel], true);
	let autoDispose = flagFromEnvironment(environment[optionVariables.autoDispose], false);
	const ignoreVariable = environment[optionVariables.ignore];
	let ignore = ignoreVariable === undefined || ignoreVariable === "" ? undefined : checkedRegExp(ignoreVariable);
	let stopTimeoutSeconds = secondsFromEnvironment("--stop-timeout", environment[optionVariables.stopTimeout], defaultStopTimeoutSeconds);
	let stuckTimeoutSeconds = secondsFromEnvironment("--stuck-timeout", environment[optionVariables.stuckTimeout], defaultStuckTimeoutSeconds);
	const nodeOptions: string[] = [];
	const run = (entry: string, args: readonly string[]): Command => ({
		kind: "run", options: { restart, silent, sentinel, autoDispose, ignore, stopTimeoutSeconds, stuckTimeoutSeconds }, nodeOptions, entry, args,
	});
	for (let index = 0; index < argv.length; ++index) {
		const argument = argv[index];
		// `--name=value` or `--name value`.
		const equals = argument.startsWith("--") ? argument.indexOf("=") : -1;
		const name = equals === -1 ? argument : argument.slice(0, equals);
		const value = (): string => {
			const given = equals === -1 ? argv[++index] : argument.slice(equals + 1);
			if (given === undefined) {
				throw new UsageError(`${name} needs a value`);
			}
			return given;
		};
		switch (name) {
			case "-h":
			case "--help":
				return { kind: "help" };
			case "-v":
			case "--version":
				return { kind: "version" };
			case "--no-restart":
				restart = false;
				break;
			case "--silent":
				silent = true;
				break;
			case "--no-sentinel":
				sentinel = false;
				break;
			case "--auto-dispose":
				autoDispose = true;
				break;
			case "--ignore":
				ignore = checkedRegExp(value());
				break;
			case "--stop-timeout":
				stopTimeoutSeconds = checkedSeconds(name, value());
				break;
			case "--stuck-timeout":
				stuckTimeoutSeconds = checkedSeconds(name, value());
				break;
			case "--": {
				const [ entry, ...args ] = argv.slice(index + 1);
				if (entry === undefined) {
					throw new UsageError("no entry file given");
				}
				return run(entry, args);
			}
			default:
				if (!argument.startsWith("-") || argument === "-") {
					return run(argument, argv.slice(index + 1));
				}
				nodeOptions.push(argument);
				if (nodeOptionsWithValue.has(argument)) {
					nodeOptions.push(value());
				}
		}
	}
	throw new UsageError("no entry file given");
}
