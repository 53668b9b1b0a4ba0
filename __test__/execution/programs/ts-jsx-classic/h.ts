// A factory that renders elements as text, so that the program can print what JSX created.
type Child = string | number | boolean | null | undefined | Child[];
type Component = (props: Record<string, unknown>) => string;

export const Fragment = "fragment";

export function h(type: string | Component, props: Record<string, unknown> | null, ...children: Child[]): string {
	const inner = children.flat(Infinity as 1).filter(child => child !== false && child !== null && child !== undefined).join("");
	if (typeof type === "function") {
		return type({ ...props, children: inner });
	}
	if (type === Fragment) {
		return inner;
	}
	const attributes = Object.entries(props ?? {}).map(([ name, value ]) => ` ${name}=${JSON.stringify(value)}`).join("");
	return `<${type}${attributes}>${inner}</${type}>`;
}

declare global {
	namespace JSX {
		type Element = string;
		interface IntrinsicElements {
			[name: string]: object;
		}
	}
}
