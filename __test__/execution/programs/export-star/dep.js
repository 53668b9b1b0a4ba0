export const fromDep = "dep";
export const shadowed = "dep shadowed";
export const ambiguous = "dep ambiguous";
export const same = "same binding";
export default "dep default";
