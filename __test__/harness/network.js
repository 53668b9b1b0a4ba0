// Loopback helpers: a free port for a server under test, and a plain HTTP GET.
import * as http from "node:http";
import * as net from "node:net";

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once("error", reject);
		server.listen(0, "127.0.0.1", () => {
			const address = server.address();
			server.close(() => {
				if (address && typeof address === "object") {
					resolve(address.port);
				} else {
					reject(new Error("no port was assigned"));
				}
			});
		});
	});
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
