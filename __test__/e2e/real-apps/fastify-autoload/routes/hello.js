import { greeting } from "../lib/greeting.js";

export default async function routes(fastify) {
	fastify.get("/hello", async () => `${greeting}, route v1`);
}
