// A replaced app stops without resetting a connection. The supervisor stops it with cluster's
// `disconnect()`, which closes the app's servers; since Node 19, `http.Server#close()` also closes
// the connections it considers idle, and a connection the app has just accepted, whose request
// has not arrived yet, is one of them: the client sees ECONNRESET (1 in 20 restarts under a
// request every 20 ms). Told first that it is being stopped, the app leaves idle connections to
// end by themselves: a request arriving on one is answered, and a kept-alive connection closes at
// the server's `keepAliveTimeout` (5 s by default), after which the app exits. Its modules' dispose
// handlers run then too (src/runtime/update/dispose-all.ts), so that what they release lets it end.

import * as http from "node:http";
import * as https from "node:https";
import { runReplacedHandlers } from "./app-channel.js";
import { isStopMessage } from "./messages.js";

/** Waits for the supervisor's word that this app is being replaced. */
export function stopGracefullyWhenTold(): void {
	process.on("message", (message: unknown) => {
		if (isStopMessage(message)) {
			for (const server of [ http.Server.prototype, https.Server.prototype ]) {
				server.closeIdleConnections = () => {};
			}
			void runReplacedHandlers();
		}
	});
}
