export const value = 1;
export let later;
export function setLater() { later = "set"; }
export const zebra = "z", apple = "a";
