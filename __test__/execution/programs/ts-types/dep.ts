export type U = number;
export const value: unknown = 42;
