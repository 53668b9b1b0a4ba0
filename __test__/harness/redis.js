// A real redis-server for the seed's "hand a client over through `data`" example. It must be
// installed (`.ci/run` installs Debian's `redis-server`); a missing server fails the test.
import * as fs from "node:fs/promises";
import * as os from "node:os";
import * as path from "node:path";
import { App } from "./app.js";
import { freePort } from "./network.js";

/**
 * Starts `redis-server` on a free loopback port with persistence off; stopped when the test ends.
 * @param {import("ava").ExecutionContext} t
 * @returns {Promise<{ url: string, port: number }>}
 */
export async function startRedis(t) {
	const port = await freePort();
	const directory = await fs.mkdtemp(path.join(os.tmpdir(), "dynohot-redis-"));
	const server = new App("redis-server", [
		"--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", directory,
	], { cwd: directory, env: process.env });
	t.teardown(async () => {
		await server.stop();
		await fs.rm(directory, { recursive: true, force: true });
	});
	await server.waitFor(/Ready to accept connections/);
	return { url: `redis://127.0.0.1:${port}`, port };
}
