export const helper = "helper 1";
