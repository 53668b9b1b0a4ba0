// A loader earlier in the chain that rewrites sources, as a TypeScript loader does: the test's
// own (no network in tests), in rewriting-loader/. For `.ts` files and files under a `rewrite/`
// folder it strips the few annotations the projects use (`: number`, `: void`) and replaces the
// token `__LOADER__` with "rewritten"; anything else passes through. A project gets its files as
// `loader/` (fixtures: `"include": { "loader": "<path to>/harness/rewriting-loader" }`); start the
// app with `rewritingLoaderOptions`.
import { readFileSync } from "node:fs";

const folder = new URL("rewriting-loader/", import.meta.url);

export const rewritingLoader = {
	"loader/register.js": readFileSync(new URL("register.js", folder), "utf8"),
	"loader/hooks.js": readFileSync(new URL("hooks.js", folder), "utf8"),
};

export const rewritingLoaderOptions = [ "--import", "./loader/register.js" ];
