// Places built transform binaries into their npm packages before packing or publishing:
// `dynohot.<platform>.node` → `npm/<platform>/` (the package whose `main` names that file), and
// `*.wasm` → `npm/wasm32-wasi/`.
//
//   node scripts/stage-native.js [--from DIR] [--require PLATFORM]...
//
// DIR (default npm/native, where `npm run build:native` writes) is searched recursively, so the
// artifacts a CI run downloaded can be staged as they are. Each --require names a platform whose
// binary must be found. Exits non-zero when nothing was staged or a required platform is missing.
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = fileURLToPath(new URL("..", import.meta.url));
const { values } = parseArgs({
	options: {
		from: { type: "string", default: path.join(root, "npm", "native") },
		require: { type: "string", multiple: true, default: [] },
	},
});
const npmDirectory = path.join(root, "npm");

/** Package directory by the file its package.json `main` names. */
const packageByMain = new Map();
for (const entry of fs.readdirSync(npmDirectory, { withFileTypes: true })) {
	const manifest = path.join(npmDirectory, entry.name, "package.json");
	if (entry.isDirectory() && fs.existsSync(manifest)) {
		const { main } = JSON.parse(fs.readFileSync(manifest, "utf8"));
		if (typeof main === "string") {
			packageByMain.set(main, entry.name);
		}
	}
}

const staged = new Set();
const source = path.resolve(values.from);
for (const entry of fs.readdirSync(source, { recursive: true, withFileTypes: true })) {
	if (!entry.isFile()) {
		continue;
	}
	const file = path.join(entry.parentPath, entry.name);
	const wasm = entry.name.endsWith(".wasm") && fs.existsSync(path.join(npmDirectory, "wasm32-wasi"));
	const target = wasm ? "wasm32-wasi" : packageByMain.get(entry.name);
	if (target !== undefined) {
		const destination = path.join(npmDirectory, target, entry.name);
		fs.copyFileSync(file, destination);
		console.log(`${path.relative(root, file)} → ${path.relative(root, destination)}`);
		staged.add(target);
	}
}

const missing = values.require.filter(platform => !staged.has(platform));
if (staged.size === 0 || missing.length > 0) {
	console.error(`No binary found in ${source} for ${missing.length > 0 ? missing.join(", ") : "any package in npm/"}`);
	process.exit(1);
}
