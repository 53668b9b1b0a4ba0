console.log("dep evaluated");
export const a = "a", c = "c", fromStar = "star";
