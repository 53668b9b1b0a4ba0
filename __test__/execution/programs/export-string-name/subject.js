const a = 1;
export { a as "a b", a as "" };
