// An HTTP server written in TypeScript: a `.ts` entry, enums and namespaces (which Node's own type
// stripping rejects), type-only imports, and `#` subpath imports of `.ts` files.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Color, describe } from "./src/colors.ts";
import { greet } from "#lib/greet.ts";

function route(request: IncomingMessage, response: ServerResponse): void {
	const [ , resource = "", argument = "" ] = (request.url ?? "/").split("/");
	try {
		switch (resource) {
			case "color":
				response.end(describe(Color.Red));
				break;
			case "greet":
				response.end(greet(argument));
				break;
			default:
				response.statusCode = 404;
				response.end();
		}
	} catch (error) {
		// The frame where the handler threw, as the user reads it in a stack trace.
		response.statusCode = 500;
		response.end((error as Error).stack?.split("\n")[1]?.trim() ?? "");
	}
}

const server = createServer(route);
server.listen(Number(process.env.PORT), "127.0.0.1", () => {
	console.log(`listening on ${(server.address() as AddressInfo).port}`);
});

import.meta.hot?.accept();
import.meta.hot?.dispose(() => new Promise<void>(resolve => {
	server.close(() => resolve());
}));
