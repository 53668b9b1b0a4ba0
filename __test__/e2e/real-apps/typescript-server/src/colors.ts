export enum Color {
	Red = "red",
	Green = "green",
}

export namespace Palette {
	export const primary: Color = Color.Green;
}

export function describe(color: Color): string {
	return `color=${color} primary=${Palette.primary}`;
}
