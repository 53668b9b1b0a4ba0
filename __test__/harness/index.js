// The end-to-end test harness: temporary projects, applications under dynohot, file changes,
// output waits, loopback HTTP, a real redis-server, scenario directories, and comparisons with
// plain node.
export { App } from "./app.js";
export { defaultTimeout, registerSpecifier, repositoryRoot, settleDelay, testNode } from "./environment.js";
export { loadedLine } from "./hot-lines.js";
export { defaultParallelApps, limit, queuedTest } from "./limit.js";
export { freePort, httpGet } from "./network.js";
export { startRequestLoop } from "./request-loop.js";
export { Project, createProject } from "./project.js";
export { startRedis } from "./redis.js";
export { rewritingLoader, rewritingLoaderOptions } from "./rewriting-loader.js";
export { checkRegistrationForm, registrationForms, registrationProject } from "./registration-forms.js";
export { readScenario, runScenario } from "./scenario.js";
export { sameAsNode } from "./same-as-node.js";
