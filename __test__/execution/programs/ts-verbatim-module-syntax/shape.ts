console.log("shape.ts evaluated");

export class Shape {
	constructor(readonly sides: number) {}
}
