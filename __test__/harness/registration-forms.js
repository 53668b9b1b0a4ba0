// The ways a project turns dynohot on (docs/semantics.md §2.1), with `ignore` patterns that do not cover
// `node_modules`, and a project to try them in: whatever the options say, dynohot's own files and
// its dependencies (chokidar) are never hot, while the project's own modules, in `node_modules` or
// not, are hot exactly when `ignore` does not match them. Used with a linked checkout
// (e2e/registration-forms.test.js) and with the installed package (packaging/pack.test.js).
import { loadedLine } from "./hot-lines.js";

/**
 * @typedef {object} RegistrationForm
 * @property {string} name
 * @property {Record<string, string>} files the setup file, if any
 * @property {string[]} nodeOptions how the application is started (before the entry)
 * @property {boolean} ignoresNodeModules whether the options leave the default `ignore`
 */

/**
 * `module.register("dynohot/loader", …)` from a setup file. Node 26 deprecates `module.register`
 * (DEP0205): the warning is the application's, not dynohot's.
 * @param {string} options the second argument
 */
function loaderSetup(options) {
	return `import { register } from "node:module";\nregister("dynohot/loader", ${options});\n`;
}

/** @type {RegistrationForm[]} */
export const registrationForms = [
	{ name: "--import dynohot/register", files: {}, nodeOptions: [ "--import", "dynohot/register" ], ignoresNodeModules: true },
	{ name: "--import dynohot", files: {}, nodeOptions: [ "--import", "dynohot" ], ignoresNodeModules: true },
	{
		name: "register({ ignore }) from a setup file",
		files: { "setup.js": 'import { register } from "dynohot";\nregister({ ignore: /ignored/ });\n' },
		nodeOptions: [ "--import", "./setup.js" ],
		ignoresNodeModules: false,
	},
	{
		name: 'module.register("dynohot/loader", { data: { ignore } })',
		files: { "setup.js": loaderSetup("{ parentURL: import.meta.url, data: { ignore: /ignored/ } }") },
		nodeOptions: [ "--no-deprecation", "--import", "./setup.js" ],
		ignoresNodeModules: false,
	},
	{
		name: 'module.register("dynohot/loader") without data',
		files: { "setup.js": loaderSetup("{ parentURL: import.meta.url }") },
		nodeOptions: [ "--no-deprecation", "--import", "./setup.js" ],
		ignoresNodeModules: true,
	},
];

/** @param {number} version */
const hotModule = version => `export const hot = "${version} " + typeof import.meta.hot;\n`;

/**
 * The project: an entry that accepts `hot.js`, a module `ignore` matches, and a package of the
 * project's own in `node_modules` (a real folder, not a link). Each reports whether it is hot.
 * @type {Record<string, string>}
 */
export const registrationProject = {
	"main.js": [
		'import { hot } from "./hot.js";',
		'import { ignored } from "./ignored.js";',
		'import { library } from "local-library";',
		"console.log(`hot.js ${hot}, ignored.js ${ignored}, local-library ${library}`);",
		'import.meta.hot?.accept("./hot.js", () => console.log(`hot.js ${hot}`));',
		"",
	].join("\n"),
	"hot.js": hotModule(1),
	"ignored.js": "export const ignored = typeof import.meta.hot;\n",
	"node_modules/local-library/package.json": JSON.stringify({ name: "local-library", type: "module", exports: "./index.js" }),
	"node_modules/local-library/index.js": "export const library = typeof import.meta.hot;\n",
};

/**
 * Starts the registration project (and the form's setup file) under `form`, checks what is hot,
 * then that an edit of `hot.js` is applied; nothing else may be printed.
 * @param {import("ava").ExecutionContext} t
 * @param {import("./project.js").Project} project a project with `registrationProject`'s files and dynohot installed
 * @param {RegistrationForm} form
 * @param {Record<string, string>} [env] extra environment variables of the application
 */
export async function checkRegistrationForm(t, project, form, env = {}) {
	for (const [ file, content ] of Object.entries(form.files)) {
		await project.write(file, content);
	}
	const app = project.start("main.js", { hot: false, nodeOptions: form.nodeOptions, env });
	try {
		const typeofHot = (/** @type {boolean} */ ignored) => ignored ? "undefined" : "object";
		await app.waitFor(`hot.js 1 object, ignored.js ${typeofHot(!form.ignoresNodeModules)}, local-library ${typeofHot(form.ignoresNodeModules)}`);
		await project.edit("hot.js", hotModule(2));
		await app.waitFor(loadedLine(1, 0), { stream: "stderr" });
		await app.waitFor("hot.js 2 object");
		t.deepEqual(app.takeLines("stderr"), [], `${form.name}\n${app.output()}`);
	} catch (error) {
		throw new Error(`${form.name}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
	} finally {
		await app.stop();
		await project.write("hot.js", hotModule(1));
	}
}
