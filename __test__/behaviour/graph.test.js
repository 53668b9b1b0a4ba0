// A graph too large to keep as files (docs/semantics.md §3, §5; the rest of the graph behaviours
// are fixtures/graph/): a chain of 1500 imports, made here.
import test from "ava";
import { sameAsNode } from "../harness/index.js";

test("a very deep chain of imports links and evaluates where node does", async t => {
	// With a small stack, plain node links this chain (its linking is native code); the runtime's
	// linking and evaluation must not be what overflows.
	const depth = 1500;
	/** @type {Record<string, string>} */
	const files = {
		"main.js": `import { depth } from "./chain/0.js";\nconsole.log("depth", depth);`,
	};
	for (let index = 0; index < depth; ++index) {
		files[`chain/${index}.js`] = index === depth - 1
			? "export const depth = 1;"
			: `import { depth as below } from "./${index + 1}.js";\nexport const depth = below + 1;`;
	}
	await sameAsNode(t, files, { nodeOptions: [ "--stack-size=450" ] });
});
