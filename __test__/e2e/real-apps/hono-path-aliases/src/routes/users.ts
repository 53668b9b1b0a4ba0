export const names: readonly string[] = [ "ann", "bob" ];
