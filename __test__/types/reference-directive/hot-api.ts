// Every form of the `import.meta.hot` API, typed through the triple-slash directive alone.
/// <reference types="dynohot/import-meta" />

type Namespace = Record<string, unknown>;

const hot = import.meta.hot;
const alias: typeof hot = import.meta.dynoHot;

if (hot) {
	const previous: unknown = hot.data?.["connection"];

	hot.accept();
	hot.accept((self: Namespace) => {
		const value: unknown = self["value"];
	});
	hot.accept(async self => {
		await Promise.resolve(self);
	});

	hot.accept("./dependency.js");
	hot.accept("./dependency.js", (dependency: Namespace) => {
		const value: unknown = dependency["value"];
	});
	hot.accept("./dependency.js", async dependency => {
		await Promise.resolve(dependency);
	});

	hot.accept([ "./first.js", "./second.js" ]);
	hot.accept([ "./first.js", "./second.js" ], (dependencies: Namespace[]) => {
		const [ first, second ] = dependencies;
	});
	hot.accept([ "./first.js" ], async dependencies => {
		await Promise.resolve(dependencies.length);
	});

	hot.decline();

	hot.dispose(data => {
		data["connection"] = previous;
	});
	hot.dispose(async () => {});

	hot.prune(() => {});
	hot.prune(async () => {});

	hot.invalidate();

	const unsubscribe: () => void = hot.on("message", (message: string, ...params: unknown[]) => {});
	unsubscribe();

	const stopUpdates: () => void = hot.on("update", event => event.outcome);
	stopUpdates();
	hot.on("update", event => {
		const changed: readonly string[] = event.changed;
		const total: number = event.durationMs.total;
		const outside: string | null | undefined = event.chain[0]?.outsideImporter;
	});
	hot.on("error", event => {
		const line: number | null | undefined = event.error?.line;
		const frame: string | null | undefined = event.error?.codeFrame;
	});

	// @ts-expect-error only "message", "update" and "error" events exist
	hot.on("change", () => {});
	// @ts-expect-error an update event is not a message
	hot.on("update", (message: string) => {});
	// @ts-expect-error outcomes are a closed set
	hot.on("update", event => event.outcome === "restarted");
	// @ts-expect-error a specifier is a string
	hot.accept(42);
	// @ts-expect-error handlers receive a namespace, not a string
	hot.accept("./dependency.js", (dependency: string) => {});
	// @ts-expect-error `data` is read-only
	hot.data = {};
}

// Outside dynohot `import.meta.hot` is absent, so using it unguarded is a type error.
// @ts-expect-error possibly undefined
import.meta.hot.accept();
