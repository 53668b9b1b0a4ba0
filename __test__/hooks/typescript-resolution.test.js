// Imports resolved for TypeScript importers as tsc and tsx resolve them (`./x.js` → x.ts,
// extensionless and folder imports, tsconfig.json `paths` and `baseUrl`), through the resolve hook
// in both hook styles, in front of a resolver that answers as Node's does: a missing file is
// ERR_MODULE_NOT_FOUND, a folder ERR_UNSUPPORTED_DIR_IMPORT. JavaScript importers keep Node's answers.
import test from "ava";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { runAsync, runSync } from "../../dist/hooks/drive.js";
import { createHooks } from "../../dist/hooks/hooks.js";

const ownRuntime = new URL("../../dist/runtime/index.js", import.meta.url).href;

/**
 * A project on disk with these files; its folder URL.
 * @param {import("ava").ExecutionContext} t
 * @param {Record<string, string>} files
 */
function project(t, files) {
	const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "dynohot-ts-resolve-")));
	t.teardown(() => fs.rmSync(root, { recursive: true, force: true }));
	write(root, { "package.json": JSON.stringify({ type: "module" }), ...files });
	return pathToFileURL(`${root}/`).href;
}

/** @param {string} root @param {Record<string, string>} files */
function write(root, files) {
	for (const [ name, content ] of Object.entries(files)) {
		fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
		fs.writeFileSync(path.join(root, name), content);
	}
}

/** @param {string} code @param {string} message */
function failure(code, message) {
	return Object.assign(new Error(message), { code });
}

/**
 * Node's default resolver for files and `node:` built-ins; bare names are packages, and there are none.
 * @param {string} specifier
 * @param {{ parentURL: string }} context
 */
function nodeResolve(specifier, context) {
	if (specifier.startsWith("node:")) {
		return { url: specifier, format: "builtin" };
	}
	if (!/^(?:\.{1,2}\/|\/|file:)/.test(specifier)) {
		throw failure("ERR_MODULE_NOT_FOUND", `Cannot find package '${specifier}'`);
	}
	const url = new URL(specifier, context.parentURL);
	const stats = fs.statSync(fileURLToPath(url), { throwIfNoEntry: false });
	if (stats === undefined) {
		throw failure("ERR_MODULE_NOT_FOUND", `Cannot find module '${fileURLToPath(url)}'`);
	}
	if (stats.isDirectory()) {
		throw failure("ERR_UNSUPPORTED_DIR_IMPORT", `Directory import '${fileURLToPath(url)}' is not supported`);
	}
	return { url: url.href, format: /\.[cm]?ts$/.test(url.pathname) ? "module-typescript" : "module" };
}

const styles = {
	sync: (hooks, specifier, context) => runSync(hooks.resolve(specifier, context, nodeResolve)),
	async: (hooks, specifier, context) => runAsync(hooks.resolve(specifier, context, async (...args) => nodeResolve(...args))),
};

/**
 * What `specifier` imported by `importer` resolves to, relative to the project `root`, asked as
 * `import.meta.resolve` asks; the error's code when it does not resolve.
 */
function resolverFor(style, root) {
	const hooks = createHooks({});
	return async (/** @type {string} */ specifier, /** @type {string} */ importer) => {
		const query = `specifier=${encodeURIComponent(specifier)}&parent=${encodeURIComponent(`${root}${importer}`)}`;
		const context = { conditions: [ "node", "import" ], importAttributes: {}, parentURL: ownRuntime };
		try {
			const { url } = await styles[style](hooks, `dynohot:resolve?${query}`, context);
			return url.startsWith(root) ? url.slice(root.length) : url;
		} catch (error) {
			return error.code;
		}
	};
}

for (const style of Object.keys(styles)) {
	test(`${style}: a TypeScript importer's \`.js\`, \`.mjs\`, \`.cjs\`, \`.jsx\` imports are its .ts, .mts, .cts, .tsx files when the JavaScript file is missing`, async t => {
		const root = project(t, {
			"src/main.ts": "", "src/app.ts": "", "src/esm.mts": "", "src/cjs.cts": "", "src/view.tsx": "",
			"src/both.js": "", "src/both.ts": "",
		});
		const resolve = resolverFor(style, root);
		t.is(await resolve("./app.js", "src/main.ts"), "src/app.ts");
		t.is(await resolve("./esm.mjs", "src/main.ts"), "src/esm.mts");
		t.is(await resolve("./cjs.cjs", "src/main.ts"), "src/cjs.cts");
		t.is(await resolve("./view.jsx", "src/main.ts"), "src/view.tsx");
		t.is(await resolve("./view.js", "src/main.ts"), "src/view.tsx");
		t.is(await resolve("../src/app.js?v=1#top", "src/main.ts"), "src/app.ts?v=1#top");
		t.is(await resolve(`${root}src/app.js`, "src/main.ts"), "src/app.ts");
		// The JavaScript file exists: Node's answer stands.
		t.is(await resolve("./both.js", "src/main.ts"), "src/both.js");
		t.is(await resolve("./missing.js", "src/main.ts"), "ERR_MODULE_NOT_FOUND");
		// Every TypeScript importer: .mts, .cts and .tsx ones too.
		for (const importer of [ "src/esm.mts", "src/cjs.cts", "src/view.tsx" ]) {
			t.is(await resolve("./app.js", importer), "src/app.ts");
		}
	});

	test(`${style}: a TypeScript importer's extensionless and folder imports find the .ts file or the folder's index`, async t => {
		const root = project(t, {
			"main.ts": "", "lib/util.ts": "", "lib/data.json": "{}", "lib/legacy.js": "",
			"routes/index.ts": "", "views/index.tsx": "", "name.service.ts": "",
		});
		const resolve = resolverFor(style, root);
		t.is(await resolve("./lib/util", "main.ts"), "lib/util.ts");
		t.is(await resolve("./lib/legacy", "main.ts"), "lib/legacy.js");
		t.is(await resolve("./lib/data", "main.ts"), "lib/data.json");
		t.is(await resolve("./routes", "main.ts"), "routes/index.ts");
		t.is(await resolve("./routes/", "main.ts"), "routes/index.ts");
		t.is(await resolve("./views", "main.ts"), "views/index.tsx");
		t.is(await resolve("./name.service", "main.ts"), "name.service.ts");
		t.is(await resolve("./lib/nothing", "main.ts"), "ERR_MODULE_NOT_FOUND");
		t.is(await resolve("./lib", "main.ts"), "ERR_UNSUPPORTED_DIR_IMPORT");
		// A `.ts` import names its file exactly.
		t.is(await resolve("./lib/util.ts.ts", "main.ts"), "ERR_MODULE_NOT_FOUND");
	});

	test(`${style}: JavaScript importers keep Node's rules exactly`, async t => {
		const root = project(t, {
			"main.js": "", "app.ts": "", "routes/index.ts": "",
			"tsconfig.json": JSON.stringify({ compilerOptions: { paths: { "@/*": [ "./*" ] } } }),
		});
		const resolve = resolverFor(style, root);
		t.is(await resolve("./app.js", "main.js"), "ERR_MODULE_NOT_FOUND");
		t.is(await resolve("./app", "main.js"), "ERR_MODULE_NOT_FOUND");
		t.is(await resolve("./routes", "main.js"), "ERR_UNSUPPORTED_DIR_IMPORT");
		t.is(await resolve("@/app", "main.js"), "ERR_MODULE_NOT_FOUND");
		t.is(await resolve("@/app", "main.mjs"), "ERR_MODULE_NOT_FOUND");
		t.is(await resolve("./app.ts", "main.js"), "app.ts");
	});

	test(`${style}: tsconfig.json \`paths\` and \`baseUrl\`, JSON with comments and trailing commas, through \`extends\``, async t => {
		const root = project(t, {
			"tsconfig.json": `{
				// The app's settings; the aliases come from the shared file.
				"extends": "./config/base", /* without .json, as tsc allows */
				"compilerOptions": { "strict": true, },
			}`,
			"config/base.json": `{
				"compilerOptions": {
					"paths": {
						"@/*": ["../src/*", "../generated/*"],
						"@lib/*": ["../src/lib/*"],
						"@lib/special": ["../src/special.ts"],
						"~config": ["./settings.ts"], // "http://not-a-comment"
					},
				},
			}`,
			"config/settings.ts": "",
			"src/main.ts": "", "src/lib/db.ts": "", "src/special.ts": "", "src/routes/index.ts": "",
			"generated/schema.ts": "",
			"src/plain.js": "",
			"node_modules/pkg/main.ts": "",
		});
		const resolve = resolverFor(style, root);
		t.is(await resolve("@/lib/db", "src/main.ts"), "src/lib/db.ts");
		t.is(await resolve("@/lib/db.js", "src/main.ts"), "src/lib/db.ts");
		t.is(await resolve("@/routes", "src/main.ts"), "src/routes/index.ts");
		// Targets in order: the second when the first has no such file.
		t.is(await resolve("@/schema", "src/main.ts"), "generated/schema.ts");
		// The longest prefix wins; an exact key over any pattern.
		t.is(await resolve("@lib/db", "src/main.ts"), "src/lib/db.ts");
		t.is(await resolve("@lib/special", "src/main.ts"), "src/special.ts");
		t.is(await resolve("~config", "src/main.ts"), "config/settings.ts");
		t.is(await resolve("@/nothing", "src/main.ts"), "ERR_MODULE_NOT_FOUND");
		t.is(await resolve("node:fs", "src/main.ts"), "node:fs");
		// Not for JavaScript importers, nor for importers in node_modules.
		t.is(await resolve("@/lib/db", "src/plain.js"), "ERR_MODULE_NOT_FOUND");
		t.is(await resolve("@/lib/db", "node_modules/pkg/main.ts"), "ERR_MODULE_NOT_FOUND");
	});

	test(`${style}: \`baseUrl\` alone, a package's tsconfig in \`extends\`, and the nearest tsconfig.json governs`, async t => {
		const root = project(t, {
			"tsconfig.json": JSON.stringify({ extends: "@company/tsconfig/node.json" }),
			"node_modules/@company/tsconfig/package.json": JSON.stringify({ name: "@company/tsconfig" }),
			"node_modules/@company/tsconfig/node.json": JSON.stringify({ compilerOptions: { baseUrl: "../../../src" } }),
			"src/main.ts": "", "src/services/mail.ts": "",
			"tools/tsconfig.json": "{}",
			"tools/build.ts": "",
		});
		const resolve = resolverFor(style, root);
		// `baseUrl` is relative to the file that sets it.
		t.is(await resolve("services/mail", "src/main.ts"), "src/services/mail.ts");
		t.is(await resolve("services/mail", "tools/build.ts"), "ERR_MODULE_NOT_FOUND");
	});

	test(`${style}: an edit of tsconfig.json, or of what it extends, applies to the next resolution`, async t => {
		const root = project(t, {
			"tsconfig.json": JSON.stringify({ extends: "./base.json" }),
			"base.json": JSON.stringify({ compilerOptions: { paths: { "@/*": [ "./one/*" ] } } }),
			"main.ts": "", "one/x.ts": "", "two/x.ts": "",
		});
		const resolve = resolverFor(style, root);
		const directory = fileURLToPath(root);
		t.is(await resolve("@/x", "main.ts"), "one/x.ts");
		write(directory, { "base.json": JSON.stringify({ compilerOptions: { paths: { "@/*": [ "./two/*" ] } } }) });
		t.is(await resolve("@/x", "main.ts"), "two/x.ts");
		write(directory, { "tsconfig.json": JSON.stringify({ compilerOptions: { paths: { "#/*": [ "./one/*" ] } } }) });
		t.is(await resolve("@/x", "main.ts"), "ERR_MODULE_NOT_FOUND");
		t.is(await resolve("#/x", "main.ts"), "one/x.ts");
	});

	test(`${style}: a tsconfig.json that does not parse, or extends what does not exist, fails the resolution and says why`, async t => {
		const root = project(t, { "tsconfig.json": "{ \"compilerOptions\": { \"paths\": } }", "main.ts": "", "sub/tsconfig.json": "{ \"extends\": \"./missing\" }", "sub/main.ts": "" });
		const hooks = createHooks({});
		const request = (/** @type {string} */ importer) => styles[style](hooks, `dynohot:resolve?specifier=%40%2Fx&parent=${encodeURIComponent(`${root}${importer}`)}`, { conditions: [], importAttributes: {}, parentURL: ownRuntime });
		const unreadable = await t.throwsAsync(async () => request("main.ts"));
		t.regex(unreadable.message, /^dynohot: .*\/tsconfig\.json cannot be read: /);
		const missing = await t.throwsAsync(async () => request("sub/main.ts"));
		t.regex(missing.message, /^dynohot: .*\/sub\/missing\.json cannot be read: ENOENT/);
	});
}
