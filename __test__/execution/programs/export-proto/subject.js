const a = 1;
export { a as __proto__ };
export const other = 2;
