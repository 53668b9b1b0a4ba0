// What the `dynohot` command's app is started with (`--import`): hot reloading, with the options
// the supervisor read from its command line and passed on in the environment.

import { register } from "../activate.js";
import { endWhenIdle } from "./app-liveness.js";
import { optionVariables } from "./arguments.js";
import { stopGracefullyWhenTold } from "./graceful-stop.js";

const ignore = process.env[optionVariables.ignore];
register({
	silent: process.env[optionVariables.silent] === "1",
	sentinel: process.env[optionVariables.sentinel] !== "0",
	autoDispose: process.env[optionVariables.autoDispose] === "1",
	ignore: ignore === undefined || ignore === "" ? undefined : new RegExp(ignore),
});

endWhenIdle();
stopGracefullyWhenTold();
