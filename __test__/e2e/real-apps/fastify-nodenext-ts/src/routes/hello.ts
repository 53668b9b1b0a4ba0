import type { FastifyInstance } from "fastify";
import { greeting } from "../lib/greeting.js";

export default async function routes(fastify: FastifyInstance): Promise<void> {
	fastify.get("/hello", async (): Promise<string> => `${greeting}, route v1`);
}
