export default interface Foo { x: number }
export const y = 1;
