export default "the default";
export const x = "x";
export const y = "y";
