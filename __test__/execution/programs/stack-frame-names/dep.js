export function make() { return new Error("made in dep"); }
