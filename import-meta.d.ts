// `/// <reference types="dynohot/import-meta" />` types `import.meta.hot` and
// `import.meta.dynoHot` (the declaration lives with the package's main types).
/// <reference path="./dist/index.d.ts" />
