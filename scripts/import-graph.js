#!/usr/bin/env node
// The import graph of the TypeScript sources: per folder and file, what each file imports; the
// strongly connected components (import cycles); and the imports that point "upward", from a
// lower layer of the runtime to a higher one. Plain Node, no dependency: imports are found with a
// regular expression over `import … from "…"`, `export … from "…"`, `import "…"` and `import("…")`
// with a literal relative specifier; `import type` counts (it is a dependency of the reader, if
// not of the program) and is marked.
//
//   node scripts/import-graph.js [folder]        default folder: src
//   node scripts/import-graph.js --summary       counts only
//
// Layers of src/runtime, lowest first. A file's layer is the first pattern that matches its path
// relative to src/runtime: its folder in the layered runtime, or (for the flat runtime before
// issue 20, so that the same command measures both) the name of a file that went to that folder.

import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** @type {[string, RegExp][]} */
const layers = [
	[ "support", /^update-event\.ts/ ],
	[ "model", /^(model\/|controller|version|instance|module-record|adapter|superseded-imports|evaluation-context|hot-state|runtime-host|metadata|stub-runtime)/ ],
	[ "ecma", /^(ecma\/|link|evaluate\.ts|resolve-export|namespace)/ ],
	[ "hot", /^(hot\/|hot\.ts|import-meta)/ ],
	[ "load", /^(load\/|load-graph|load-version|dynamic-import|request-url|uncached-compile)/ ],
	[ "watch", /^(watch\/|watcher|missing-imports)/ ],
	[ "report", /^(report\/|logger|update-events|update-error)/ ],
	[ "sentinel", /^sentinel\// ],
	[ "update", /^(update\/|update|accept|relink|prune|evaluation-order|slow-handler)/ ],
	[ "entry", /^(index\.ts|options|runtime\.ts)/ ],
];

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const summaryOnly = args.includes("--summary");
const folder = resolve(root, args.find(arg => !arg.startsWith("--")) ?? "src");
const runtimeFolder = join(root, "src", "runtime");

/** @param {string} directory @returns {string[]} */
function tsFiles(directory) {
	/** @type {string[]} */
	const files = [];
	for (const entry of readdirSync(directory, { withFileTypes: true })) {
		const path = join(directory, entry.name);
		if (entry.isDirectory()) {
			files.push(...tsFiles(path));
		} else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) {
			files.push(path);
		}
	}
	return files.sort();
}

const importPattern = /(?:^|[\s;])(?:import|export)\s+(type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/gm;

/** @typedef {{ from: string, to: string, typeOnly: boolean }} Edge */

/** @param {string} file @returns {Edge[]} */
function importsOf(file) {
	// Comments go first: a commented-out import is none.
	const text = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
	/** @type {Edge[]} */
	const edges = [];
	for (const match of text.matchAll(importPattern)) {
		const specifier = match[2] ?? match[3];
		if (specifier === undefined || !specifier.startsWith(".")) {
			continue;
		}
		const target = resolve(dirname(file), specifier.replace(/\.js$/, ".ts"));
		edges.push({ from: file, to: target, typeOnly: match[1] !== undefined });
	}
	return edges;
}

/** @param {string} file */
function layerOf(file) {
	const path = relative(runtimeFolder, file);
	if (path.startsWith("..")) {
		return undefined;
	}
	const index = layers.findIndex(([ , pattern ]) => pattern.test(path));
	return index === -1 ? undefined : index;
}

/** Tarjan's algorithm. @param {string[]} nodes @param {Map<string, string[]>} next */
function stronglyConnected(nodes, next) {
	let counter = 0;
	/** @type {Map<string, number>} */ const index = new Map();
	/** @type {Map<string, number>} */ const low = new Map();
	/** @type {string[]} */ const stack = [];
	const onStack = new Set();
	/** @type {string[][]} */ const components = [];
	/** @param {string} node */
	function visit(node) {
		index.set(node, counter);
		low.set(node, counter);
		++counter;
		stack.push(node);
		onStack.add(node);
		for (const target of next.get(node) ?? []) {
			if (!index.has(target)) {
				visit(target);
				low.set(node, Math.min(low.get(node) ?? 0, low.get(target) ?? 0));
			} else if (onStack.has(target)) {
				low.set(node, Math.min(low.get(node) ?? 0, index.get(target) ?? 0));
			}
		}
		if (low.get(node) === index.get(node)) {
			/** @type {string[]} */
			const component = [];
			let member;
			do {
				member = /** @type {string} */ (stack.pop());
				onStack.delete(member);
				component.push(member);
			} while (member !== node);
			if (component.length > 1) {
				components.push(component.sort());
			}
		}
	}
	for (const node of nodes) {
		if (!index.has(node)) {
			visit(node);
		}
	}
	return components.sort((left, right) => right.length - left.length);
}

const files = tsFiles(folder);
const known = new Set(files);
const edges = files.flatMap(importsOf).filter(edge => known.has(edge.to));
/** @param {string} file */
const name = file => relative(root, file);

/** @param {Edge[]} list @returns {Map<string, string[]>} */
function adjacency(list) {
	/** @type {Map<string, string[]>} */
	const next = new Map();
	for (const edge of list) {
		next.set(edge.from, [ ...next.get(edge.from) ?? [], edge.to ]);
	}
	return next;
}

if (!summaryOnly) {
	let lastFolder = "";
	console.log("# Imports (relative, inside the folder; `type` = import type only)");
	for (const file of files) {
		if (dirname(file) !== lastFolder) {
			lastFolder = dirname(file);
			console.log(`\n${name(lastFolder)}/`);
		}
		const own = edges.filter(edge => edge.from === file);
		const layer = layerOf(file);
		const label = layer === undefined ? "" : ` [${layers[layer][0]}]`;
		console.log(`  ${relative(lastFolder, file)}${label}${own.length === 0 ? "" : ":"}`);
		for (const edge of own) {
			console.log(`    → ${relative(dirname(file), edge.to)}${edge.typeOnly ? " (type)" : ""}`);
		}
	}
	console.log();
}

const components = stronglyConnected(files, adjacency(edges));
const runtimeComponents = stronglyConnected(files, adjacency(edges.filter(edge => !edge.typeOnly)));
const runtimeFiles = files.filter(file => layerOf(file) !== undefined);
const runtimeEdges = edges.filter(edge => layerOf(edge.from) !== undefined && layerOf(edge.to) !== undefined);
const upward = runtimeEdges.filter(edge => /** @type {number} */ (layerOf(edge.to)) > /** @type {number} */ (layerOf(edge.from)));
const unlayered = files.filter(file => file.startsWith(runtimeFolder) && layerOf(file) === undefined);
const untyped = (/** @type {Edge[]} */ list) => list.filter(edge => !edge.typeOnly).length;

console.log("# Layers of src/runtime, lowest first");
console.log(`  ${layers.map(([ layer ]) => layer).join(" < ")}`);
console.log();
console.log(`# Cycles (strongly connected components of more than one file): ${components.length}`);
for (const component of components) {
	console.log(`  ${component.length} files: ${component.map(name).join(", ")}`);
}
console.log(`# Cycles of imports that are not type-only (what runs): ${runtimeComponents.length}`);
for (const component of runtimeComponents) {
	console.log(`  ${component.length} files: ${component.map(name).join(", ")}`);
}
console.log();
console.log(`# src/runtime: ${runtimeFiles.length} files, ${runtimeEdges.length} imports (${untyped(runtimeEdges)} not type-only), in ${new Set(runtimeFiles.map(dirname)).size} folder(s)`);
if (unlayered.length > 0) {
	console.log(`# In no layer (not counted): ${unlayered.map(name).join(", ")}`);
}
console.log(`# Upward imports (a lower layer imports a higher one): ${upward.length} (${untyped(upward)} not type-only)`);
for (const edge of upward) {
	const from = /** @type {number} */ (layerOf(edge.from));
	const to = /** @type {number} */ (layerOf(edge.to));
	console.log(`  ${name(edge.from)} [${layers[from][0]}] → ${name(edge.to)} [${layers[to][0]}]${edge.typeOnly ? " (type)" : ""}`);
}
