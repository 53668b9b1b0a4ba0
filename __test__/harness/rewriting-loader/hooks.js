// Hooks that rewrite .ts files and files under a rewrite/ folder (see ../rewriting-loader.js).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
const rewritten = url => /\.ts$/.test(new URL(url).pathname) || url.includes('/rewrite/');
export function resolve(specifier, context, next) {
	return next(specifier, context);
}
export function load(url, context, next) {
	if (!url.startsWith('file:') || !rewritten(url)) {
		return next(url, context);
	}
	const source = readFileSync(fileURLToPath(url), 'utf8')
		.replace(/: (?:number|void)\b/g, '')
		.replaceAll('__LOADER__', JSON.stringify('rewritten'));
	return { format: 'module', source, shortCircuit: true };
}
