console.log("side.js evaluated");
globalThis.sideCount = (globalThis.sideCount ?? 0) + 1;
