// The HTTP clients of the restart benchmark. Every request opens a connection of its own (no
// keep-alive agent), as a client arriving during a restart does: it is answered, refused (nothing
// listens on the port: ECONNREFUSED), or failed (accepted, then reset, hung up, not answered in
// time, or answered with an error status).

import * as http from "node:http";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";

const REQUEST_TIMEOUT_MS = 10_000;

/**
 * One GET of `/` on 127.0.0.1:`port`. Resolves (never rejects) with `outcome` ("ok", "refused" or
 * "failed"), the response `body`, a `detail` of what failed, and when it was sent and settled.
 */
export function request(port) {
	const sentAt = performance.now();
	return new Promise(resolve => {
		const settle = (outcome, body, detail) => resolve({ outcome, body, detail, sentAt, at: performance.now() });
		const outgoing = http.get({ host: "127.0.0.1", port, path: "/", agent: false, timeout: REQUEST_TIMEOUT_MS }, response => {
			let body = "";
			response.setEncoding("utf8");
			response.on("data", chunk => {
				body += chunk;
			});
			response.on("end", () => (response.statusCode === 200 ? settle("ok", body) : settle("failed", body, `status ${response.statusCode}`)));
			response.on("error", error => settle("failed", body, error.code ?? error.message));
		});
		outgoing.on("timeout", () => outgoing.destroy(new Error(`no answer in ${REQUEST_TIMEOUT_MS} ms`)));
		outgoing.on("error", error => settle(error.code === "ECONNREFUSED" ? "refused" : "failed", "", error.code ?? error.message));
	});
}

/**
 * Sends a request every `intervalMs` until `stop()`, which resolves with the outcome of every
 * request once all have settled.
 */
export function startRequestLoop(port, intervalMs) {
	const sent = [request(port)];
	const timer = setInterval(() => sent.push(request(port)), intervalMs);
	return {
		stop() {
			clearInterval(timer);
			return Promise.all(sent);
		},
	};
}

/**
 * Requests `/` again and again, `gapMs` apart, until a response contains `text`; resolves with
 * that response. Rejects after `timeoutMs`, with the last response.
 */
export async function pollUntilServed(port, text, { gapMs, timeoutMs }) {
	const deadline = performance.now() + timeoutMs;
	for (;;) {
		const result = await request(port);
		if (result.outcome === "ok" && result.body.includes(text)) {
			return result;
		}
		if (performance.now() > deadline) {
			throw new Error(`no response containing ${JSON.stringify(text)} within ${timeoutMs} ms (last: ${result.outcome} ${JSON.stringify(result.detail ?? result.body)})`);
		}
		await sleep(gapMs);
	}
}
