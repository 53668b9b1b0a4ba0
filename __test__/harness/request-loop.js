// A client that keeps asking a server under test, as a user's browser or a health check would:
// one GET at a time, a new one every `interval` milliseconds, every answer and failure recorded.
import { setTimeout as delay } from "node:timers/promises";
import { httpGet } from "./network.js";

/**
 * @typedef {object} RequestLoopResult
 * @property {string[]} bodies the bodies of the answered requests, in order
 * @property {string[]} failures what went wrong with the others (refused, reset, a status other than 200)
 */

/**
 * Starts requesting `url`; `stop()` ends the loop after the request in flight and returns what it saw.
 * @param {string} url
 * @param {number} interval milliseconds between the starts of two requests
 */
export function startRequestLoop(url, interval) {
	/** @type {RequestLoopResult} */
	const result = { bodies: [], failures: [] };
	let running = true;
	const loop = (async () => {
		while (running) {
			const started = Date.now();
			try {
				const { status, body } = await httpGet(url);
				if (status === 200) {
					result.bodies.push(body);
				} else {
					result.failures.push(`status ${status}: ${body}`);
				}
			} catch (error) {
				result.failures.push(String(error));
			}
			await delay(Math.max(0, interval - (Date.now() - started)));
		}
	})();
	return {
		/** The answers so far (the loop goes on). */
		result,
		async stop() {
			running = false;
			await loop;
			return result;
		},
	};
}
