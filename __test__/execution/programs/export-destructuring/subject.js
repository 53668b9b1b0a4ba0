export const { a, b: [c, ...d], ...e } = { a: 1, b: [2, 3], x: "rest" };
export let [f, , g = 1] = [];
export const { "h": { i = "default i" } = {} } = {};
