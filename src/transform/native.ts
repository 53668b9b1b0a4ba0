// The N-API backend: the `.node` binding built from crates/dynohot_napi. In a checkout it is
// `npm/native/dynohot.<platform>.node` (written by `npm run build:native`); in an installed
// package it comes from the optional dependency for the platform, `@dynohot/binding-<platform>`.

import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { ModuleMetadata, TransformBackend, TransformOptions, TransformResult } from "./backend.js";
import { buildIdentity } from "./build-identity.js";
import { transformSyntaxError, type TransformErrorData } from "./error.js";

/** What `transformSync`/`transform` of the binding answer: the output or the error's fields. */
interface NativeAnswer {
	code?: string;
	map?: string;
	/** `ModuleMetadata` as JSON text. */
	metadata?: string;
	error?: TransformErrorData;
}

interface NativeBinding {
	transformSync(source: string | Uint8Array, options: TransformOptions): NativeAnswer;
	transform(source: string | Uint8Array, options: TransformOptions): Promise<NativeAnswer>;
}

const require = createRequire(import.meta.url);

/** The napi-rs platform name: `linux-x64-gnu`, `linux-x64-musl`, `darwin-arm64`, `win32-x64-msvc`, … */
export function nativePlatform(): string {
	const { platform, arch } = process;
	if (platform === "linux") {
		return `${platform}-${arch}-${isMusl() ? "musl" : "gnu"}`;
	}
	if (platform === "win32") {
		return `${platform}-${arch}-msvc`;
	}
	return `${platform}-${arch}`;
}

/** glibc reports its version in the process report; musl does not. */
function isMusl(): boolean {
	const report = process.report.getReport() as { header?: { glibcVersionRuntime?: string } };
	return report.header?.glibcVersionRuntime === undefined;
}

/** The binding and the file it was loaded from. */
function loadBinding(): { binding: NativeBinding; file: string } {
	const platform = nativePlatform();
	const localBuild = fileURLToPath(new URL(`../../npm/native/dynohot.${platform}.node`, import.meta.url));
	if (existsSync(localBuild)) {
		return { binding: require(localBuild) as NativeBinding, file: localBuild };
	}
	const packageName = `@dynohot/binding-${platform}`;
	try {
		const file = require.resolve(packageName);
		return { binding: require(file) as NativeBinding, file };
	} catch (error) {
		throw new Error(
			`dynohot: no native transform for ${platform}: neither ${localBuild} (run \`npm run build:native\`) nor the package ${packageName} could be loaded`,
			{ cause: error },
		);
	}
}

function result(answer: NativeAnswer): TransformResult {
	if (answer.error !== undefined) {
		throw transformSyntaxError(answer.error);
	}
	if (answer.code === undefined || answer.metadata === undefined) {
		throw new Error("dynohot: the native transform answered neither a result nor an error");
	}
	return { code: answer.code, map: answer.map, metadata: JSON.parse(answer.metadata) as ModuleMetadata };
}

/** Loads the binding for this platform; throws when there is none. */
export function loadNativeBackend(): TransformBackend {
	const { binding, file } = loadBinding();
	return {
		name: "native",
		version: buildIdentity(file),
		transformSync: (source, options) => result(binding.transformSync(source, options)),
		transform: async (source, options) => result(await binding.transform(source, options)),
	};
}
