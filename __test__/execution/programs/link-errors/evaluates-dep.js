import "./dep.js";
import { nope } from "./dep.js";
