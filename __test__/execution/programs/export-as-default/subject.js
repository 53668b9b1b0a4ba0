let value = 1;
export { value as default };
export function change() { value = 2; }
