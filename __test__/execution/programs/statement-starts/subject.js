// Expression statements and arrow bodies that start with an object literal, a function or a
// class under an operator, a comma or a conditional. This module writes an exported binding, so
// the transform prints it (the path that re-parenthesises) instead of splicing its text.
export let counter = 0;
counter += 1;
export const results = [];
({ valueOf() { results.push("object under a comma"); return 1; } } + 1, 0);
({} < 1 ? results.push("object in a condition: true") : results.push("object in a condition: false"));
({ toString() { return "object"; } } + " then " + "more", results.push("object under +"));
(function () {} + "", results.push("function under +"));
(async function () {} + "", results.push("async function under +"));
(class {} + "", results.push("class under +"));
({}.constructor === Object ? results.push("member of an object") : 0);
export const arrowConditional = () => ({} < 1 ? "true" : "false");
export const arrowSequence = () => ({ a: 1 }.a + 1, "second");
