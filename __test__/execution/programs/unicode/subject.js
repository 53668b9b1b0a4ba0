const s = "😀"; const é = 1;
export { é, s as "😀" };
