import autoload from "@fastify/autoload";
import Fastify, { type FastifyInstance } from "fastify";
import { fileURLToPath } from "node:url";

export async function buildApp(): Promise<FastifyInstance> {
	const app = Fastify();
	await app.register(autoload, { dir: fileURLToPath(new URL("routes", import.meta.url)) });
	return app;
}
