// Where things are and which Node.js runs the application under test. The test runner itself
// always runs on the machine's node; the application is spawned with `testNode()`.
import * as path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const repositoryRoot = fileURLToPath(new URL("../../", import.meta.url));

/** The binary that runs the application under test: `DYNOHOT_TEST_NODE`, else this node. */
export function testNode() {
	return process.env.DYNOHOT_TEST_NODE || process.execPath;
}

/**
 * What the application is started with: `--import <this>`. Normally the built `dist/register.js`
 * of this checkout; `DYNOHOT_TEST_IMPORT` replaces it (a specifier or URL), which lets the same
 * tests be checked against another implementation of the API.
 */
export function registerSpecifier() {
	return process.env.DYNOHOT_TEST_IMPORT || pathToFileURL(path.join(repositoryRoot, "dist", "register.js")).href;
}

/**
 * How long a wait may take before it is a failure. Waits end as soon as what they wait for has
 * happened; this only stops a broken test from hanging, so it is generous (the suites run on
 * loaded 2-core machines, several Node versions one after another).
 */
export const defaultTimeout = Number(process.env.DYNOHOT_TEST_TIMEOUT_MS) || 30_000;

/**
 * A pause before each file change, so the watcher of a module that has just been loaded has
 * finished setting itself up. It never decides whether a test passes.
 */
export const settleDelay = Number(process.env.DYNOHOT_TEST_SETTLE_MS) || 1000;
