// ESLint for the TypeScript sources (type-aware rules from typescript-eslint) and the plain
// JavaScript of the tests, benchmarks and scripts. `npm run lint`; part of `npm test`.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

export default tseslint.config(
	{
		ignores: ["dist/**", "npm/**", "benchmark/work/**", "crates/**", "**/fixtures/**", "__test__/execution/programs/**"],
	},
	{
		files: ["**/*.js"],
		extends: [js.configs.recommended],
		languageOptions: { globals: { ...globals.node } },
	},
	{
		files: ["src/**/*.ts"],
		extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
		languageOptions: {
			parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
		},
	},
);
