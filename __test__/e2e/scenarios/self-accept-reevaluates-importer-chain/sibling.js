console.log("sibling evaluated");
export const sibling = "sibling";
