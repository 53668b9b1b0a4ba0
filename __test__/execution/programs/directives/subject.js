"use strict";
'another directive';
console.log(1);
console.log("strict even without the directive:", (function () { return this; })() === undefined);
