// `dynohot:main?url=…`: the module Node evaluates in place of a hot entry (or of a hot file that
// something outside the hot graph imports). The runtime links and evaluates the hot graph itself;
// this module only hands it the root and waits for the evaluation to finish.

export function makeMainModule(url: string, runtimeURL: string): string {
	return [
		`import root from ${JSON.stringify(url)};`,
		`import * as runtime from ${JSON.stringify(runtimeURL)};`,
		"await runtime.main(root);",
		"",
	].join("\n");
}
