const o = {a: 1, b: 2, c: 3}; const p = [function () { return 1; }, function () { return 2; }];
console.log(o, p);
export const results = p.map(f => f());
