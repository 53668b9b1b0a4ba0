import { parentPort } from "node:worker_threads";
import { compute } from "./compute.js";

parentPort?.on("message", () => parentPort?.postMessage(`${compute()} (hot: ${import.meta.hot !== undefined})`));

import.meta.hot?.accept("./compute.js");
