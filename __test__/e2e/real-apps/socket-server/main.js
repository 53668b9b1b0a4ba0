// A line-based TCP service. The listening server and the open client sockets are handed to the
// next instance through `data`; each instance attaches its own data listener and removes it in
// dispose, so connections opened before a reload are answered by the new code.
import * as net from "node:net";
import { respond } from "./protocol.js";
import { state } from "./state.js";

const server = import.meta.hot?.data?.server ?? net.createServer();
const sockets = import.meta.hot?.data?.sockets ?? new Set();

function answer(chunk) {
	for (const line of chunk.split("\n").filter(Boolean)) {
		state.requests++;
		this.write(`${respond(line, state)}\n`);
	}
}

function adopt(socket) {
	sockets.add(socket);
	socket.setEncoding("utf8");
	socket.on("data", answer);
	socket.once("close", () => sockets.delete(socket));
}

function shutDown() {
	server.close();
	for (const socket of sockets) {
		socket.end();
	}
	process.exitCode = 3;
}

for (const socket of sockets) {
	socket.on("data", answer);
}
server.on("connection", adopt);
process.once("SIGINT", shutDown);
if (!server.listening) {
	server.listen(Number(process.env.PORT), "127.0.0.1", () => console.log("listening"));
}
console.log(`main evaluated after ${state.requests} requests`);

import.meta.hot?.accept();
import.meta.hot?.dispose(data => {
	server.off("connection", adopt);
	process.off("SIGINT", shutDown);
	for (const socket of sockets) {
		socket.off("data", answer);
	}
	data.server = server;
	data.sockets = sockets;
});
