#!/usr/bin/env node
// `dynohot [options] [node options] <entry> [arguments]`: the package's command (package.json `bin`).

import { readFileSync } from "node:fs";
import { parseCommandLine, usage, UsageError } from "./arguments.js";
import { Supervisor } from "./supervisor.js";

function packageVersion(): string {
	const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
	return manifest.version;
}

try {
	const command = parseCommandLine(process.argv.slice(2), process.env);
	if (command.kind === "help") {
		process.stdout.write(usage);
	} else if (command.kind === "version") {
		process.stdout.write(`${packageVersion()}\n`);
	} else {
		new Supervisor(command);
	}
} catch (error) {
	if (!(error instanceof UsageError)) {
		throw error;
	}
	process.stderr.write(`dynohot: ${error.message}\n\n${usage}`);
	process.exitCode = 9;
}
