// Loopback helpers: a free port for a server under test, and a plain HTTP GET.
import * as http from "node:http";
import * as net from "node:net";

// Ports for servers under test come from below the kernel's ephemeral range (32768–60999 by
// default on Linux, 49152–65535 on macOS and Windows). A port the kernel picked for `listen(0)`
// and that was then closed goes back to that range: the outgoing connection or `listen(0)` of
// another test running at the same time could take it before the application under test binds
// it (EADDRINUSE). The kernel hands out no port below the range by itself, so only two tests
// choosing the same one could collide: a random pick, checked free, and never given twice in
// one process.
const lowestPort = 20_000;
const portCount = 12_000;
/** @type {Set<number>} */
const givenPorts = new Set();

/**
 * Whether a server can listen on 127.0.0.1:`port` right now.
 * @param {number} port
 * @returns {Promise<boolean>}
 */
function canListen(port) {
	return new Promise(resolve => {
		const server = net.createServer();
		server.once("error", () => resolve(false));
		server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
	});
}

/**
 * A TCP port on 127.0.0.1 that nothing listens on right now, outside the ephemeral range.
 * @returns {Promise<number>}
 */
export async function freePort() {
	for (let attempt = 0; attempt < 100; attempt++) {
		const port = lowestPort + Math.floor(Math.random() * portCount);
		if (!givenPorts.has(port) && await canListen(port)) {
			givenPorts.add(port);
			return port;
		}
	}
	throw new Error(`no free port between ${lowestPort} and ${lowestPort + portCount}`);
}

/**
 * GET without keep-alive (a kept-alive connection would hold an old server open across a reload).
 * @param {string} url
 * @returns {Promise<{ status: number, body: string }>}
 */
export function httpGet(url) {
	return new Promise((resolve, reject) => {
		const request = http.get(url, { agent: false }, response => {
			let body = "";
			response.setEncoding("utf8");
			response.on("data", chunk => { body += chunk; });
			response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
			response.on("error", reject);
		});
		request.on("error", reject);
	});
}
