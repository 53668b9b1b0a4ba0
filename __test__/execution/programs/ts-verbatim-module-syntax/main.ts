import { Shape } from "./shape.js";
import type { Shape as ShapeType } from "./shape.js";

// `Shape` is used as a type only: tsc would drop the import without verbatimModuleSyntax.
const describe = (shape: Shape | ShapeType): string => `${shape.sides} sides`;
console.log(describe({ sides: 3 }));
