// Generates a synthetic npm-workspace monorepo of a given number of modules, deterministically from
// a seed. The mix follows what real server code bases contain: named, namespace and default
// imports, `export *` and aliased re-exports, classes extending imported classes, import cycles,
// top-level await, JSON modules imported `with { type: "json" }` and, in the TypeScript variant,
// `.ts` files with annotations, interfaces and `import type`.
//
// Layout:
//   package.json                 workspace root ("type": "module")
//   main.js                      imports every package, prints the ready line, self-accepts
//   node_modules/@bench/<name>   symlinks to packages/<name>, as `npm install` makes them
//   packages/<name>/package.json "type": "module", "exports": "./src/index.js"
//   packages/<name>/src/...      the modules; src/index.js re-exports them and self-accepts
//   bench-manifest.json          counts and the files the latency benchmark edits
//
// Every package's index self-accepts, so an edit inside a package stops at that package's entry:
// the update re-evaluates the path from the edited file up to the index, which is how a monorepo
// that uses hot reloading is arranged (a boundary per package, the root accepting the rest).

import * as fs from "node:fs";
import * as path from "node:path";
import { createRandom } from "./prng.js";

/** The last line of every generated module; the latency and memory benchmarks rewrite it. */
export const REVISION_LINE_PREFIX = "// revision ";

const MODULES_PER_PACKAGE = 50;

export function generateMonorepo({ root, moduleCount, seed, typescript }) {
	const random = createRandom(seed);
	fs.rmSync(root, { recursive: true, force: true });
	const packageCount = Math.max(2, Math.round(moduleCount / MODULES_PER_PACKAGE));
	// main.js is one module; every package has an index plus at least three modules.
	const budget = Math.max(moduleCount - 1, packageCount * 4);
	const packages = [];
	for (let index = 0; index < packageCount; index++) {
		const size = Math.floor(budget / packageCount) + (index < budget % packageCount ? 1 : 0);
		packages.push(planPackage(random, index, size, packages, typescript));
	}
	const counts = countFeatures(packages);
	const files = new Map();
	files.set("package.json", `${JSON.stringify({ name: "bench-monorepo", private: true, type: "module", workspaces: ["packages/*"] }, null, "\t")}\n`);
	files.set("main.js", renderMain(packages));
	for (const pkg of packages) {
		files.set(`packages/${pkg.name}/package.json`, renderPackageJson(pkg));
		files.set(`packages/${pkg.name}/src/index.js`, renderIndex(pkg));
		for (const slot of pkg.slots) {
			files.set(`packages/${pkg.name}/${slot.file}`, slot.kind === "json" ? renderJson(random, slot) : renderModule(pkg, slot));
		}
	}
	let bytes = 0;
	for (const [file, text] of files) {
		const target = path.join(root, file);
		fs.mkdirSync(path.dirname(target), { recursive: true });
		fs.writeFileSync(target, text);
		bytes += Buffer.byteLength(text);
	}
	for (const pkg of packages) {
		const link = path.join(root, "node_modules", "@bench", pkg.name);
		fs.mkdirSync(path.dirname(link), { recursive: true });
		fs.symlinkSync(path.join("..", "..", "packages", pkg.name), link, "dir");
	}
	const manifest = {
		moduleCount: files.size - 1 - packages.length, // minus the root and package manifests
		packageCount: packages.length,
		bytes,
		typescript,
		seed,
		counts,
		editTargets: chooseEditTargets(packages[Math.floor(packages.length / 2)]),
	};
	fs.writeFileSync(path.join(root, "bench-manifest.json"), `${JSON.stringify(manifest, null, "\t")}\n`);
	return manifest;
}

function planPackage(random, index, size, earlier, typescript) {
	const name = `pkg-${String(index).padStart(3, "0")}`;
	const dependencies = [];
	// Depend on up to three recent packages: a layered graph several packages deep.
	for (let attempt = 0; attempt < 3 && index > 0; attempt++) {
		const dependency = earlier[random.int(Math.max(0, index - 6), index - 1)];
		if (!dependencies.includes(dependency)) {
			dependencies.push(dependency);
		}
	}
	const slotCount = size - 1; // the index is the remaining module
	const slots = [];
	for (let position = 0; position < slotCount; position++) {
		const isJson = position < slotCount - 1 && random.chance(0.04);
		const id = `p${index}m${position}`;
		const directory = random.chance(0.3) ? "src/internal" : "src";
		if (isJson) {
			slots.push({ id, position, kind: "json", file: `src/data/${id}.json`, importers: [] });
			continue;
		}
		const ts = typescript && random.chance(0.3);
		slots.push({
			id,
			position,
			kind: "code",
			ts,
			file: `${directory}/${id}.${ts ? "ts" : "js"}`,
			topLevelAwait: random.chance(0.03),
			hasClass: random.chance(0.4),
			imports: [], // { slot, style: "named" | "namespace" | "default", cyclic }
			crossImports: [], // { pkg, names }
			reExports: [], // { slot, star: true } | { slot, name, alias }
			importers: [],
			inCycle: false,
		});
	}
	const code = slots.filter(slot => slot.kind === "code");
	for (const slot of code) {
		const earlierCode = code.filter(other => other.position < slot.position);
		// About a fifth of the modules are leaves that import nothing.
		const wanted = earlierCode.length === 0 || random.chance(0.2) ? 0 : random.int(1, 3);
		for (let count = 0; count < wanted; count++) {
			// Prefer recent modules so that import chains get deep, as in real packages.
			const target = earlierCode[Math.max(0, earlierCode.length - random.int(1, 8))];
			if (slot.imports.some(entry => entry.slot === target)) {
				continue;
			}
			const roll = random.next();
			const style = roll < 0.55 ? "named" : roll < 0.8 ? "namespace" : "default";
			addImport(slot, target, style, false);
			if (random.chance(0.08)) {
				slot.reExports.push(random.chance(0.5) ? { slot: target, star: true } : { slot: target, name: `${target.id}Fn`, alias: `${slot.id}Alias${slot.reExports.length}` });
			}
		}
		if (dependencies.length > 0 && random.chance(0.25)) {
			const dependency = random.pick(dependencies);
			const exported = dependency.starExported.filter(other => other.kind === "code");
			if (exported.length > 0) {
				const target = random.pick(exported);
				slot.crossImports.push({ pkg: dependency, names: [`${target.id}Fn`, `${target.id}Value`] });
			}
		}
	}
	// A JSON module is imported by the next code module.
	for (const slot of slots) {
		if (slot.kind === "json") {
			const next = code.find(other => other.position > slot.position && !other.jsonImport);
			next.jsonImport = slot;
			slot.importers.push(next);
		}
	}
	// Cycles: a pair (earlier, later) where each imports the other's function. Calls across a
	// cycle edge happen only inside function bodies, as in real code. The earlier module is one
	// that nothing else imports, so the cycle is exactly the pair and no module outside it reads
	// a binding of the pair during the cycle's evaluation (which would be a TDZ error natively).
	const cycleCount = Math.max(1, Math.round(code.length * 0.05));
	for (let count = 0; count < cycleCount; count++) {
		const earlierOptions = code.filter(slot => !slot.topLevelAwait && !slot.inCycle && slot.importers.length === 0 && slot !== code[code.length - 1]);
		if (earlierOptions.length === 0) {
			break;
		}
		const earlierSlot = random.pick(earlierOptions);
		const laterOptions = code.filter(slot => !slot.topLevelAwait && !slot.inCycle && slot.position > earlierSlot.position);
		if (laterOptions.length === 0) {
			break;
		}
		const later = random.pick(laterOptions);
		earlierSlot.inCycle = true;
		later.inCycle = true;
		earlierSlot.cyclePartner = later;
		addImport(later, earlierSlot, "named", true);
		addImport(earlierSlot, later, "named", true);
	}
	// The index re-exports every module: most through `export *`, some as a named default.
	const starExported = [];
	const defaultExported = [];
	for (const slot of code) {
		(random.chance(0.75) ? starExported : defaultExported).push(slot);
	}
	const namespaceExported = code.length > 0 ? random.pick(code) : undefined;
	return { index, name, dependencies, slots, starExported, defaultExported, namespaceExported };
}

function addImport(from, to, style, cyclic) {
	from.imports.push({ slot: to, style, cyclic });
	to.importers.push(from);
}

function countFeatures(packages) {
	const counts = {
		namedImports: 0, namespaceImports: 0, defaultImports: 0, crossPackageImports: 0,
		exportStar: 0, aliasReExports: 0, cycles: 0, topLevelAwait: 0, json: 0, typescript: 0, classes: 0,
	};
	for (const pkg of packages) {
		counts.exportStar += pkg.starExported.length;
		for (const slot of pkg.slots) {
			if (slot.kind === "json") {
				counts.json++;
				continue;
			}
			for (const entry of slot.imports) {
				counts[`${entry.style}Imports`]++;
			}
			counts.crossPackageImports += slot.crossImports.length;
			for (const reExport of slot.reExports) {
				counts[reExport.star ? "exportStar" : "aliasReExports"]++;
			}
			counts.cycles += slot.cyclePartner ? 1 : 0;
			counts.topLevelAwait += slot.topLevelAwait ? 1 : 0;
			counts.typescript += slot.ts ? 1 : 0;
			counts.classes += slot.hasClass ? 1 : 0;
		}
	}
	return counts;
}

function chooseEditTargets(pkg) {
	const code = pkg.slots.filter(slot => slot.kind === "code" && !slot.topLevelAwait);
	const middle = pkg.slots.length / 2;
	const byDistanceToMiddle = (left, right) => Math.abs(left.position - middle) - Math.abs(right.position - middle);
	const isLeaf = slot => slot.imports.length === 0 && slot.crossImports.length === 0 && !slot.jsonImport;
	const leaf = code.filter(slot => isLeaf(slot) && !slot.inCycle && slot.importers.length > 0).sort(byDistanceToMiddle)[0]
		?? code.filter(isLeaf)[0] ?? code[0];
	const mid = code.filter(slot => !isLeaf(slot) && !slot.inCycle && slot.importers.length > 0).sort(byDistanceToMiddle)[0] ?? code[code.length - 1];
	const cycle = code.find(slot => slot.cyclePartner) ?? code[0];
	const file = slot => `packages/${pkg.name}/${slot.file}`;
	return { leaf: file(leaf), mid: file(mid), cycle: file(cycle) };
}

function relativeSpecifier(fromSlot, toFile) {
	const relative = path.posix.relative(path.posix.dirname(fromSlot.file), toFile);
	return relative.startsWith(".") ? relative : `./${relative}`;
}

const capitalize = text => text[0].toUpperCase() + text.slice(1);

function renderMain(packages) {
	const lines = ["// Entry of the generated monorepo: loads every package, then reports readiness."];
	for (const pkg of packages) {
		lines.push(`import * as pkg${pkg.index} from "@bench/${pkg.name}";`);
	}
	lines.push(
		"",
		`const packages = [${packages.map(pkg => `pkg${pkg.index}`).join(", ")}];`,
		"let exportCount = 0;",
		"for (const namespace of packages) {",
		"\texportCount += Object.keys(namespace).length;",
		"}",
		"// CPU time of the whole process (every thread, loader threads included) up to this point.",
		"const cpu = process.cpuUsage();",
		"process.stdout.write(`bench-ready ${JSON.stringify({ exportCount, cpuUserMicros: cpu.user, cpuSystemMicros: cpu.system })}\\n`);",
		"if (process.env.BENCH_KEEP_ALIVE) {",
		"\tconst timer = setInterval(() => {}, 1 << 30);",
		"\timport.meta.hot?.dispose(() => clearInterval(timer));",
		"}",
		"import.meta.hot?.accept();",
		"",
	);
	return lines.join("\n");
}

function renderPackageJson(pkg) {
	const manifest = {
		name: `@bench/${pkg.name}`,
		version: "1.0.0",
		type: "module",
		exports: { ".": "./src/index.js", "./package.json": "./package.json" },
		dependencies: Object.fromEntries(pkg.dependencies.map(dependency => [`@bench/${dependency.name}`, "1.0.0"])),
	};
	return `${JSON.stringify(manifest, null, "\t")}\n`;
}

function renderIndex(pkg) {
	const lines = [`// Public entry of @bench/${pkg.name}.`];
	const fromIndex = file => `./${path.posix.relative("src", file)}`;
	for (const slot of pkg.starExported) {
		lines.push(`export * from "${fromIndex(slot.file)}";`);
	}
	for (const slot of pkg.defaultExported) {
		lines.push(`export { default as ${slot.id} } from "${fromIndex(slot.file)}";`);
	}
	if (pkg.namespaceExported) {
		lines.push(`export * as p${pkg.index}Internals from "${fromIndex(pkg.namespaceExported.file)}";`);
	}
	lines.push(
		`export const p${pkg.index}PackageName = "@bench/${pkg.name}";`,
		"// Each package is an update boundary: edits inside it stop here.",
		"import.meta.hot?.accept();",
		"",
	);
	return lines.join("\n");
}

function renderJson(random, slot) {
	const data = { id: slot.id, enabled: random.chance(0.5), limits: { requests: random.int(10, 1000), burst: random.int(1, 50) }, tags: ["alpha", "beta", "gamma"].slice(0, random.int(1, 3)) };
	return `${JSON.stringify(data, null, "\t")}\n`;
}

function renderModule(pkg, slot) {
	const ts = slot.ts;
	const lines = [`// Module ${slot.id} of @bench/${pkg.name}.`];
	const bodyTerms = []; // expressions (numbers) used inside the function body
	const topLevelTerms = []; // expressions safe to evaluate at top level
	let baseClass;
	for (const entry of slot.imports) {
		const target = entry.slot;
		const specifier = relativeSpecifier(slot, target.file);
		if (entry.style === "named") {
			const names = entry.cyclic ? [`${target.id}Fn`] : [`${target.id}Fn`, `${target.id}Value`];
			if (!entry.cyclic && target.hasClass && slot.hasClass && baseClass === undefined) {
				names.push(`${capitalize(target.id)}Widget`);
				baseClass = `${capitalize(target.id)}Widget`;
			}
			lines.push(`import { ${names.join(", ")} } from "${specifier}";`);
			bodyTerms.push(`${target.id}Fn(input + 1, depth - 1)`);
			if (!entry.cyclic) {
				topLevelTerms.push(`${target.id}Value`);
			}
		} else if (entry.style === "namespace") {
			lines.push(`import * as ${target.id}Module from "${specifier}";`);
			bodyTerms.push(`${target.id}Module.${target.id}Fn(input + 2, depth - 1)`);
			topLevelTerms.push(`${target.id}Module.${target.id}Value`);
		} else {
			lines.push(`import ${target.id}Default from "${specifier}";`);
			bodyTerms.push(`${target.id}Default.fn(input + 3, depth - 1)`);
			topLevelTerms.push(`${target.id}Default.size`);
		}
		if (ts && target.ts && !entry.cyclic) {
			lines.push(`import type { ${capitalize(target.id)}Options } from "${specifier}";`);
		}
	}
	for (const cross of slot.crossImports) {
		lines.push(`import { ${cross.names.join(", ")} } from "@bench/${cross.pkg.name}";`);
		bodyTerms.push(`${cross.names[0]}(input, depth - 1)`);
		topLevelTerms.push(cross.names[1]);
	}
	if (slot.jsonImport) {
		lines.push(`import ${slot.jsonImport.id}Config from "${relativeSpecifier(slot, slot.jsonImport.file)}" with { type: "json" };`);
		topLevelTerms.push(`${slot.jsonImport.id}Config.limits.requests`);
	}
	for (const reExport of slot.reExports) {
		const specifier = relativeSpecifier(slot, reExport.slot.file);
		lines.push(reExport.star ? `export * from "${specifier}";` : `export { ${reExport.name} as ${reExport.alias} } from "${specifier}";`);
	}
	const id = slot.id;
	const Id = capitalize(id);
	const number = ts ? ": number" : "";
	lines.push("");
	if (ts) {
		lines.push(
			`export interface ${Id}Options {`,
			"\treadonly label: string;",
			"\tdepth?: number;",
			"\tweights: readonly number[];",
			"}",
			`type ${Id}Pair = [key: string, weight: number];`,
			"",
		);
	}
	const weights = Array.from({ length: 12 }, (_, index) => (slot.position * 37 + index * 101) % 997);
	lines.push(
		`const weights${ts ? ": readonly number[]" : ""} = [${weights.join(", ")}];`,
		"",
		"/**",
		` * Mixes the input with this module's weights${bodyTerms.length > 0 ? " and, while depth allows, with its imports" : ""}.`,
		" */",
		`export function ${id}Fn(input${number}, depth${number} = 0)${number} {`,
		"\tlet accumulator = input;",
		"\tfor (const weight of weights) {",
		"\t\taccumulator = (accumulator * 31 + weight) % 1000003;",
		"\t}",
	);
	if (bodyTerms.length > 0) {
		lines.push("\tif (depth > 0) {");
		for (const term of bodyTerms) {
			lines.push(`\t\taccumulator += ${term};`);
		}
		lines.push("\t}");
	}
	lines.push("\treturn accumulator;", "}", "");
	if (slot.topLevelAwait) {
		lines.push(`export const ${id}Loaded = await Promise.resolve(${slot.position});`);
	}
	lines.push(`export const ${id}Value = ${[String(slot.position), ...topLevelTerms].join(" + ")} + ${id}Fn(${slot.position});`);
	if (slot.hasClass) {
		lines.push(
			"",
			`export class ${Id}Widget${baseClass ? ` extends ${baseClass}` : ""} {`,
			...(ts ? ["\treadonly label: string;", "\tcreatedAt: number = Date.now();"] : []),
			`\t#count${number} = 0;`,
			`\tconstructor(label${ts ? ": string" : ""}) {`,
			...(baseClass ? ["\t\tsuper(label);"] : []),
			"\t\tthis.label = label;",
			"\t}",
			"\tincrement() {",
			"\t\treturn ++this.#count;",
			"\t}",
			`\tdescribe()${ts ? ": string" : ""} {`,
			`\t\treturn \`\${this.label}: \${this.#count} (${id})\`;`,
			"\t}",
			"}",
		);
	}
	if (ts) {
		lines.push(
			"",
			`export function ${id}Pairs(options${ts ? `: ${Id}Options` : ""})${ts ? `: ${Id}Pair[]` : ""} {`,
			`\treturn options.weights.map((weight, index) => [\`\${options.label}-\${index}\`, weight] as ${Id}Pair);`,
			"}",
		);
	}
	lines.push(
		"",
		`export default { id: "${id}", size: ${slot.position}, fn: ${id}Fn };`,
		`${REVISION_LINE_PREFIX}0`,
		"",
	);
	return lines.join("\n");
}
