// Every way to turn dynohot on, from a project that links this checkout as its `dynohot` (where
// chokidar sits in the checkout's own node_modules), with `ignore` patterns that do not cover
// node_modules: dynohot's own dependencies stay out of the hot graph (harness/registration-forms.js).
import anyTest from "ava";
import { checkRegistrationForm, createProject, queuedTest, registrationForms, registrationProject } from "../harness/index.js";

const test = queuedTest(anyTest);

for (const form of registrationForms) {
	test(`${form.name}: dynohot's dependencies are never hot, the project's modules are as ignore says`, async t => {
		const project = await createProject(t, registrationProject);
		await checkRegistrationForm(t, project, form);
	});
}
