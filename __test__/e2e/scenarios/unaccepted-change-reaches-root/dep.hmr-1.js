console.log("dep evaluated again");
export const value = 2;
