// Before publishing: every binary package in npm/ must carry the main package's version, and the
// main package lists them as optional dependencies (npm installs only the one whose os/cpu/libc
// fit the machine). Rewrites package.json in place; run it in the release checkout only.
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const manifestPath = path.join(root, "package.json");
const manifest = JSON.parse(fs.readFileSync(manifestPath, "utf8"));

/** @type {Record<string, string>} */
const optionalDependencies = {};
const problems = [];
for (const entry of fs.readdirSync(path.join(root, "npm"), { withFileTypes: true })) {
	const packagePath = path.join(root, "npm", entry.name, "package.json");
	if (!entry.isDirectory() || !fs.existsSync(packagePath)) {
		continue;
	}
	const binding = JSON.parse(fs.readFileSync(packagePath, "utf8"));
	if (binding.version !== manifest.version) {
		problems.push(`npm/${entry.name} has version ${binding.version}, the package ${manifest.version}`);
	}
	for (const file of binding.files ?? []) {
		if (!fs.existsSync(path.join(root, "npm", entry.name, file))) {
			problems.push(`npm/${entry.name} is missing ${file}`);
		}
	}
	optionalDependencies[binding.name] = binding.version;
}
if (problems.length > 0) {
	console.error(problems.join("\n"));
	process.exit(1);
}
manifest.optionalDependencies = optionalDependencies;
fs.writeFileSync(manifestPath, `${JSON.stringify(manifest, null, "\t")}\n`);
console.log(`optionalDependencies: ${Object.keys(optionalDependencies).join(", ")}`);
