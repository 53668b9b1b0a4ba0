const value = "spaced";
const other = "empty name";
export { value as "a b", other as "", value as "😀" };
