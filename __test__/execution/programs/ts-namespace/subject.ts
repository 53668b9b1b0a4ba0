export namespace N { export const x = 1; export function f() { return x + 1; } }
console.log(N.x);
namespace N { export const y = 2; }
export namespace Outer.Inner { export const deep = "deep"; }
