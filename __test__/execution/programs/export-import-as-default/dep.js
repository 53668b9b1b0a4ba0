export default "dep default";
export const y = "dep y";
