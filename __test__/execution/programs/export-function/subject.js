export function f() { return 1; }
export function* g() { yield "g"; }
export async function h() { return "h"; }
export async function* i() { yield "i"; }
