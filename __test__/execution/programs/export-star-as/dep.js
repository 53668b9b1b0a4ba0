export const value = "dep value";
export default "dep default";
