// a comment
/* another */ const x = 1; // trailing
/** doc */
export function f() { return x; }
