// A loader earlier in the chain that rewrites sources, as a TypeScript loader does: the test's
// own (no network in tests). For `.ts` files and files under a `rewrite/` folder it strips the
// few annotations the projects use (`: number`, `: void`) and replaces the token `__LOADER__`
// with "rewritten"; anything else passes through. Start the app with `rewritingLoaderOptions`.
export const rewritingLoader = {
	"loader/register.js": [
		'import * as nodeModule from "node:module";',
		'const hooks = new URL("./hooks.js", import.meta.url);',
		"// In the same chain as dynohot: in-thread where Node has it, else off-thread.",
		"if (nodeModule.registerHooks) {",
		"	const { resolve, load } = await import(hooks);",
		"	nodeModule.registerHooks({ resolve, load });",
		"} else {",
		"	nodeModule.register(hooks);",
		"}",
		"",
	].join("\n"),
	"loader/hooks.js": [
		'import { readFileSync } from "node:fs";',
		'import { fileURLToPath } from "node:url";',
		"const rewritten = url => /\\.ts$/.test(new URL(url).pathname) || url.includes('/rewrite/');",
		"export function resolve(specifier, context, next) {",
		"	return next(specifier, context);",
		"}",
		"export function load(url, context, next) {",
		"	if (!url.startsWith('file:') || !rewritten(url)) {",
		"		return next(url, context);",
		"	}",
		"	const source = readFileSync(fileURLToPath(url), 'utf8')",
		"		.replace(/: (?:number|void)\\b/g, '')",
		"		.replaceAll('__LOADER__', JSON.stringify('rewritten'));",
		"	return { format: 'module', source, shortCircuit: true };",
		"}",
		"",
	].join("\n"),
};

export const rewritingLoaderOptions = [ "--import", "./loader/register.js" ];
