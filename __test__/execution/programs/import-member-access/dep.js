export const x = "key";
export const a = { x: "a.x", key() { return ["a.key()", this === a]; } };
String.prototype.a = "String.prototype.a";
export const nothing = null;
