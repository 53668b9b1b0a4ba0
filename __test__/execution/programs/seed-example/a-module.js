export const importedValue = "imported value";
