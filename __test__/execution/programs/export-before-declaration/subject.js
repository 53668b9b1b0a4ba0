export { later };
console.log(typeof later);
function later() {}
