export const value = "three";
