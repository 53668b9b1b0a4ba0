export enum Color { Red, Green = "green", Blue = 4, Next }
console.log(Color.Red);
export const enum Inlined { A = 1 }
export const inlined = Inlined.A;
enum Merged { X = 1 }
enum Merged { Y = 2 }
export { Merged };
