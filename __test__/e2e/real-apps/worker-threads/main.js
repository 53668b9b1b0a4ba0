// The main thread asks a worker for a value twice a second and prints it with its own. Each thread
// loads its modules under dynohot (the worker inherits `--import`) and reloads them on its own.
import { Worker } from "node:worker_threads";
import { label } from "./label.js";

const worker = new Worker(new URL("worker.js", import.meta.url));
worker.on("message", value => console.log(`worker ${value}, main ${label}`));
const timer = setInterval(() => worker.postMessage("next"), 500);
process.once("SIGINT", () => {
	clearInterval(timer);
	void worker.terminate();
});

import.meta.hot?.accept("./label.js");
