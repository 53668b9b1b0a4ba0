// The `dynohot` command line: `dynohot [dynohot and node options] <entry> [arguments]`. dynohot's
// own options may also come from the environment (a flag wins); every other option before the
// entry is Node's, passed through to the app.

export interface CommandOptions {
	/** Restart the app when an update cannot be applied hot (`--no-restart`, `DYNOHOT_RESTART=0`: report it, as `--import dynohot/register` does). */
	readonly restart: boolean;
	/** `--silent`, `DYNOHOT_SILENT=1`. */
	readonly silent: boolean;
	/** `--ignore <regexp>`, `DYNOHOT_IGNORE`: the source of the `ignore` option's RegExp. */
	readonly ignore: string | undefined;
	/** `--stop-timeout <seconds>`, `DYNOHOT_STOP_TIMEOUT`: how long a replaced app may take to finish its requests and exit before it is killed. */
	readonly stopTimeoutSeconds: number;
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
	ignore: "DYNOHOT_IGNORE",
	stopTimeout: "DYNOHOT_STOP_TIMEOUT",
} as const;

export const usage = `Usage: dynohot [options] [node options] <entry> [arguments]

Runs <entry> with hot module reloading, like
  node [node options] --enable-source-maps --import dynohot/register <entry> [arguments]
under a supervisor that restarts the app, without refusing a connection, when an update cannot
be applied hot.

Options (environment variable in brackets):
  --no-restart              report updates that cannot be hot instead of restarting [DYNOHOT_RESTART=0]
  --silent                  print nothing on stderr [DYNOHOT_SILENT=1]
  --ignore <regexp>         modules whose file: URL matches load normally and never reload
                            (default: /[/\\\\]node_modules[/\\\\]/) [DYNOHOT_IGNORE]
  --stop-timeout <seconds>  how long a replaced app may take to exit before it is killed
                            (default: 30) [DYNOHOT_STOP_TIMEOUT]
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

function checkedSeconds(text: string): number {
	const seconds = Number(text);
	if (text.trim() === "" || !Number.isFinite(seconds) || seconds < 0) {
		throw new UsageError(`--stop-timeout: expected a number of seconds, got "${text}"`);
	}
	return seconds;
}

/** Reads `argv` (the arguments after the command's own path) and the environment. */
export function parseCommandLine(argv: readonly string[], environment: NodeJS.ProcessEnv): Command {
	let restart = flagFromEnvironment(environment[optionVariables.restart], true);
	let silent = flagFromEnvironment(environment[optionVariables.silent], false);
	const ignoreVariable = environment[optionVariables.ignore];
	let ignore = ignoreVariable === undefined || ignoreVariable === "" ? undefined : checkedRegExp(ignoreVariable);
	const stopTimeoutVariable = environment[optionVariables.stopTimeout];
	let stopTimeoutSeconds = stopTimeoutVariable === undefined || stopTimeoutVariable === "" ? defaultStopTimeoutSeconds : checkedSeconds(stopTimeoutVariable);
	const nodeOptions: string[] = [];
	for (let index = 0; index < argv.length; ++index) {
		const argument = argv[index];
		const valueAfter = (): string => {
			const value = argv[++index];
			if (value === undefined) {
				throw new UsageError(`${argument} needs a value`);
			}
			return value;
		};
		if (argument === "-h" || argument === "--help") {
			return { kind: "help" };
		} else if (argument === "-v" || argument === "--version") {
			return { kind: "version" };
		} else if (argument === "--no-restart") {
			restart = false;
		} else if (argument === "--silent") {
			silent = true;
		} else if (argument === "--ignore") {
			ignore = checkedRegExp(valueAfter());
		} else if (argument.startsWith("--ignore=")) {
			ignore = checkedRegExp(argument.slice("--ignore=".length));
		} else if (argument === "--stop-timeout") {
			stopTimeoutSeconds = checkedSeconds(valueAfter());
		} else if (argument.startsWith("--stop-timeout=")) {
			stopTimeoutSeconds = checkedSeconds(argument.slice("--stop-timeout=".length));
		} else if (argument === "--") {
			const [ entry, ...args ] = argv.slice(index + 1);
			if (entry === undefined) {
				break;
			}
			return { kind: "run", options: { restart, silent, ignore, stopTimeoutSeconds }, nodeOptions, entry, args };
		} else if (argument.startsWith("-") && argument !== "-") {
			nodeOptions.push(argument);
			if (nodeOptionsWithValue.has(argument)) {
				nodeOptions.push(valueAfter());
			}
		} else {
			return { kind: "run", options: { restart, silent, ignore, stopTimeoutSeconds }, nodeOptions, entry: argument, args: argv.slice(index + 1) };
		}
	}
	throw new UsageError("no entry file given");
}
