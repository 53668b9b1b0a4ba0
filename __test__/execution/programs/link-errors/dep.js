console.log("dep evaluated");
export const value = 1;
