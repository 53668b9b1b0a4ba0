let value = 1;
export default value;
export function change() { value = 2; }
