export const a = 0;
console.log("dep evaluated");
