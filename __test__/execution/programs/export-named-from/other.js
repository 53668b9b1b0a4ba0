const xy = "other x y";
export { xy as "x y" };
export default "other default";
