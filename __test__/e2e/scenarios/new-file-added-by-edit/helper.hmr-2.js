export const helper = "helper 2";
