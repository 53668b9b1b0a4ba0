// The app of the restart benchmark: a generated monorepo (lib/generate-monorepo.js) behind an HTTP
// server. `server.js` is the entry: it loads every package through `main.js`, imports the text it
// answers with from `message.js`, and answers every request with `message N server M`, so a client
// sees which revision of each file serves it.
//
// The two files are the two kinds of edit the benchmark makes. `message.js` is accepted by the
// entry, so under dynohot its edit applies hot (the live binding `message` reads the new module).
// `server.js` accepts nothing for itself, so under the `dynohot` command its edit restarts the app.
// Restart-on-change tools restart for both.

import * as fs from "node:fs";
import * as path from "node:path";
import { generateMonorepo } from "./generate-monorepo.js";

export const SERVER_FILE = "server.js";
export const MESSAGE_FILE = "message.js";

/** The lines that carry the revisions; the benchmark rewrites them and the response shows them. */
export const messageText = revision => `export const message = "message ${revision}";\n`;

/** What the response contains once the revision saved in each file serves. */
export const servedText = { [MESSAGE_FILE]: revision => `message ${revision} `, [SERVER_FILE]: revision => `server ${revision}\n` };

const serverSource = revision => `// Entry of the restart benchmark's app: every package of the monorepo, behind an HTTP server.
import * as http from "node:http";
import "./main.js";
import { message } from "./message.js";

const serverRevision = ${revision};
const server = http.createServer((request, response) => {
	response.end(\`\${message} server \${serverRevision}\\n\`);
});
server.listen(Number(process.env.BENCH_PORT), "127.0.0.1", () => {
	process.stdout.write(\`bench-listening \${serverRevision}\\n\`);
});

// An edit of message.js is applied hot; any other edit of this file is not.
import.meta.hot?.accept("./message.js");
`;

/** The whole text of `file` at `revision`. */
export function revisedText(file, revision) {
	return file === MESSAGE_FILE ? messageText(revision) : serverSource(revision);
}

/**
 * Writes the monorepo of `moduleCount` modules into `root` (emptied first), then the server and
 * its message at revision 0. Returns the monorepo's manifest.
 */
export function generateServerApp({ root, moduleCount, seed }) {
	const manifest = generateMonorepo({ root, moduleCount, seed, typescript: false });
	fs.writeFileSync(path.join(root, SERVER_FILE), revisedText(SERVER_FILE, 0));
	fs.writeFileSync(path.join(root, MESSAGE_FILE), revisedText(MESSAGE_FILE, 0));
	return manifest;
}
