// What the numbers were measured on. The load average is part of it: the benchmark machine may be
// shared, and a high load makes wall times longer for every tool.

import * as os from "node:os";

export function describeMachine() {
	const cpus = os.cpus();
	return {
		cpu: cpus[0]?.model.trim() ?? "unknown",
		cores: cpus.length,
		memoryGb: Math.round(os.totalmem() / 2 ** 30),
		os: `${os.type()} ${os.release()} ${os.arch()}`,
		node: process.version,
		loadAverage: os.loadavg().map(value => Number(value.toFixed(2))),
	};
}
