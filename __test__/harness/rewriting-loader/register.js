// Registers hooks.js in the module loader chain of the application under test (see ../rewriting-loader.js).
import * as nodeModule from "node:module";
const hooks = new URL("./hooks.js", import.meta.url);
// In the same chain as dynohot: in-thread where Node has it, else off-thread.
if (nodeModule.registerHooks) {
	const { resolve, load } = await import(hooks);
	nodeModule.registerHooks({ resolve, load });
} else {
	nodeModule.register(hooks);
}
