// A cluster worker's IPC channel keeps it alive for good; under the command, as under node, an app
// that has nothing left to do must end. So the channel is unref'd, except while the app waits for
// the supervisor's answer to a `listen()` (the listening socket is the supervisor's): then nothing
// else may keep the app alive.

import { Server } from "node:net";

let pendingListens = 0;

function listenSettled(): void {
	if (--pendingListens === 0) {
		process.channel?.unref();
	}
}

/** Lets the app end when it has nothing left to do, however it listens. */
export function endWhenIdle(): void {
	process.channel?.unref();
	// eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the server as `this`.
	const listen = Server.prototype.listen;
	Server.prototype.listen = function listenWithChannel(this: Server, ...args: Parameters<Server["listen"]>): Server {
		if (pendingListens++ === 0) {
			process.channel?.ref();
		}
		const settled = (): void => {
			this.off("listening", settled);
			this.off("error", settled);
			listenSettled();
		};
		this.once("listening", settled);
		this.once("error", settled);
		return listen.apply(this, args);
	} as Server["listen"];
}
