console.log("other evaluated");
export const b = "b";
