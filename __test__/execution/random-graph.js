// Random module graphs for the differential test (random-graphs.test.js): modules that import each
// other in cycles, re-export through `export *`, `export * as ns` and chains of `export { x as y }
// from`, and read what they import while the graph evaluates (in its temporal dead zone or not).
// Every export name belongs to the one module that declares it, so no name is ever ambiguous and
// every generated import resolves: the programs always link, and differ in what they evaluate.

/**
 * @typedef {object} Request
 * @property {"import" | "star" | "starAs" | "reexport" | "named" | "namespace"} kind
 *   `import "./m.js"`, `export * from`, `export * as name from`, `export { imported as name } from`,
 *   `import { imported as name } from`, `import * as name from`
 * @property {number} target the index of the requested module
 * @property {string} [name] the export name (starAs, reexport) or local name (named, namespace)
 * @property {string} [imported] the target's export name (reexport, named)
 */

/**
 * @typedef {object} ModuleSpec
 * @property {Request[]} requests in source order
 * @property {boolean} hasDefault whether the module has `export default`
 * @property {number} generation how often the module was edited (its values say so)
 */

/**
 * @typedef {object} Random
 * @property {(count: number) => number} below an integer in [0, count)
 * @property {(probability: number) => boolean} chance
 */

/**
 * A seeded pseudo-random source (mulberry32): a failing graph is generated again from its seed.
 * @param {number} seed
 * @returns {Random}
 */
export function randomSource(seed) {
	let state = seed >>> 0;
	const next = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let mixed = Math.imul(state ^ (state >>> 15), state | 1);
		mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
		return ((mixed ^ (mixed >>> 14)) >>> 0) / 2 ** 32;
	};
	return {
		below: count => Math.floor(next() * count),
		chance: probability => next() < probability,
	};
}

/**
 * @template T
 * @param {Random} random
 * @param {readonly T[]} list
 * @returns {T}
 */
function pick(random, list) {
	return /** @type {T} */ (list[random.below(list.length)]);
}

/**
 * The export names of every module: its own (locals, `export * as`, indirect exports) and, through
 * its star exports, those of other modules except `default`.
 * @param {readonly ModuleSpec[]} modules
 * @returns {Set<string>[]}
 */
export function exportNames(modules) {
	const names = modules.map((module, index) => {
		const own = new Set([ `v${index}`, `f${index}` ]);
		if (module.hasDefault) {
			own.add("default");
		}
		for (const request of module.requests) {
			if (request.kind === "starAs" || request.kind === "reexport") {
				own.add(/** @type {string} */ (request.name));
			}
		}
		return own;
	});
	for (let changed = true; changed;) {
		changed = false;
		modules.forEach((module, index) => {
			const own = /** @type {Set<string>} */ (names[index]);
			for (const request of module.requests) {
				if (request.kind !== "star") {
					continue;
				}
				for (const name of /** @type {Set<string>} */ (names[request.target])) {
					if (name !== "default" && !own.has(name)) {
						own.add(name);
						changed = true;
					}
				}
			}
		});
	}
	return names;
}

/**
 * @param {Random} random
 * @param {readonly ModuleSpec[]} modules
 * @param {number} target
 */
function anyExportOf(random, modules, target) {
	return pick(random, [ ...(/** @type {Set<string>} */ (exportNames(modules)[target])) ].sort());
}

/**
 * Shuffles `list` in place (Fisher–Yates) and answers it.
 * @template T
 * @param {Random} random
 * @param {T[]} list
 */
function shuffle(random, list) {
	for (let index = list.length - 1; index > 0; --index) {
		const other = random.below(index + 1);
		[ list[index], list[other] ] = [ /** @type {T} */ (list[other]), /** @type {T} */ (list[index]) ];
	}
	return list;
}

/**
 * A graph of 4 to 7 modules with at least one cycle through an `export *`, and random edges
 * besides: side-effect imports, star exports, `export * as`, re-export chains, named and
 * namespace imports.
 * @param {Random} random
 * @returns {ModuleSpec[]}
 */
export function generateGraph(random) {
	const count = 4 + random.below(4);
	/** @type {ModuleSpec[]} */
	const modules = Array.from({ length: count }, () => ({ requests: [], hasDefault: random.chance(0.4), generation: 0 }));
	const request = (/** @type {number} */ from, /** @type {Request["kind"]} */ kind, /** @type {number} */ target) => {
		const spec = /** @type {ModuleSpec} */ (modules[from]);
		const name = `${{ import: "", star: "", starAs: "ns", reexport: "r", named: "i", namespace: "a" }[kind]}${from}_${spec.requests.length}`;
		/** @type {Request} */
		const added = { kind, target };
		if (kind === "starAs" || kind === "reexport" || kind === "named" || kind === "namespace") {
			added.name = name;
		}
		if (kind === "reexport" || kind === "named") {
			added.imported = anyExportOf(random, modules, target);
		}
		spec.requests.push(added);
	};
	const structural = /** @type {const} */ ([ "import", "star", "star", "starAs" ]);
	// The cycle: a ring over 2 to 4 distinct modules, entered through a star export.
	const members = shuffle(random, [ ...modules.keys() ]).slice(0, 2 + random.below(Math.min(3, count - 1)));
	members.forEach((member, index) => request(member, index === 0 ? "star" : pick(random, structural), /** @type {number} */ (members[(index + 1) % members.length])));
	for (let from = 0; from < count; ++from) {
		for (let edges = random.below(3); edges > 0; --edges) {
			request(from, pick(random, structural), random.below(count));
		}
	}
	// Names the structure provides are known now; re-exports and imports pick among them.
	for (let from = 0; from < count; ++from) {
		for (let reexports = random.below(3); reexports > 0; --reexports) {
			request(from, "reexport", random.below(count));
		}
	}
	for (let from = 0; from < count; ++from) {
		for (let imports = 1 + random.below(2); imports > 0; --imports) {
			request(from, random.chance(0.25) ? "namespace" : "named", random.below(count));
		}
		shuffle(random, /** @type {ModuleSpec} */ (modules[from]).requests);
	}
	return modules;
}

/**
 * An edit of one module: new values, and sometimes a side-effect import turned into `export *`
 * (which only adds names, so every import elsewhere still resolves). Answers the module's index.
 * @param {Random} random
 * @param {ModuleSpec[]} modules
 */
export function editGraph(random, modules) {
	const index = random.below(modules.length);
	const module = /** @type {ModuleSpec} */ (modules[index]);
	++module.generation;
	const imports = module.requests.filter(request => request.kind === "import");
	if (imports.length > 0 && random.chance(0.5)) {
		pick(random, imports).kind = "star";
	}
	return index;
}

/**
 * @param {Request} request
 */
function requestLine({ kind, target, name, imported }) {
	const from = JSON.stringify(`./m${target}.js`);
	switch (kind) {
		case "import": return `import ${from};`;
		case "star": return `export * from ${from};`;
		case "starAs": return `export * as ${name} from ${from};`;
		case "reexport": return `export { ${imported} as ${name} } from ${from};`;
		case "named": return `import { ${imported} as ${name} } from ${from};`;
		case "namespace": return `import * as ${name} from ${from};`;
	}
}

/**
 * The source of module `index` at its generation.
 * @param {readonly ModuleSpec[]} modules
 * @param {number} index
 */
export function moduleSource(modules, index) {
	const { requests, hasDefault, generation } = /** @type {ModuleSpec} */ (modules[index]);
	const at = `@${generation}`;
	const probes = requests.flatMap(({ kind, target, name, imported }) => {
		if (kind === "named") {
			return [ `probe("m${index} reads ${imported} of m${target}", () => ${name});` ];
		}
		return kind === "namespace" ? [ `probe("m${index} reads the namespace of m${target}", () => ${name});` ] : [];
	});
	return [
		'import { probe } from "./probe.js";',
		...requests.map(requestLine),
		`export let v${index} = "v${index}${at}";`,
		`export function f${index}() { return "f${index}${at}"; }`,
		...hasDefault ? [ `export default "m${index} default${at}";` ] : [],
		`console.log("m${index} evaluating");`,
		...probes,
		"",
	].join("\n");
}

// What the modules print with: a value as text (a function is called, a namespace opened one
// level), or the name of the error reading it throws (messages are V8's wording of the code it
// runs, which the transform rewrites).
const probeSource = `function attempt(action) {
	try {
		return action();
	} catch (error) {
		return "threw " + error.name;
	}
}
function describe(value, depth) {
	if (typeof value === "function") {
		return value.name + "() = " + JSON.stringify(value());
	}
	if (typeof value === "object" && value !== null) {
		const keys = Reflect.ownKeys(value).filter(key => typeof key === "string");
		return depth === 0
			? "{" + keys.join(", ") + "}"
			: "{" + keys.map(key => key + ": " + attempt(() => describe(value[key], depth - 1))).join(", ") + "}";
	}
	return JSON.stringify(value);
}
export function probe(label, read) {
	console.log(label + ": " + attempt(() => describe(read(), 1)));
}
export function report(namespaces) {
	console.log("report begin");
	for (const [ name, namespace ] of Object.entries(namespaces)) {
		probe("report " + name, () => namespace);
	}
	console.log("report end");
}
`;

/**
 * The entry: imports every module's namespace (in a random order, so cycles are entered at
 * different modules) and prints a report of them once the graph has evaluated. Under dynohot it
 * accepts itself and some of the modules it imports (so an update links from those, or from the
 * entry), and prints the report again after each update.
 * @param {Random} random
 * @param {number} count
 */
function mainSource(random, count) {
	const order = shuffle(random, [ ...Array(count).keys() ]);
	const accepted = order.filter(() => random.chance(0.5)).map(index => JSON.stringify(`./m${index}.js`));
	return [
		'import { report } from "./probe.js";',
		...order.map(index => `import * as m${index} from "./m${index}.js";`),
		// Read when reporting: an entry that stays reads the namespaces of the new instances.
		`const namespaces = () => ({ ${[ ...Array(count).keys() ].map(index => `m${index}`).join(", ")} });`,
		"if (import.meta.hot?.data === undefined) {",
		"\treport(namespaces());",
		"}",
		"import.meta.hot?.accept();",
		...accepted.length > 0 ? [ `import.meta.hot?.accept([ ${accepted.join(", ")} ]);` ] : [],
		'import.meta.hot?.on("message", message => {',
		'\tif (message.startsWith("Loaded ")) {',
		"\t\treport(namespaces());",
		"\t}",
		"});",
		"",
	].join("\n");
}

/**
 * Every file of the program: `main.js`, `probe.js` and one file per module.
 * @param {Random} random
 * @param {readonly ModuleSpec[]} modules
 * @returns {Record<string, string>}
 */
export function graphFiles(random, modules) {
	/** @type {Record<string, string>} */
	const files = { "main.js": mainSource(random, modules.length), "probe.js": probeSource };
	modules.forEach((_module, index) => {
		files[`m${index}.js`] = moduleSource(modules, index);
	});
	return files;
}
