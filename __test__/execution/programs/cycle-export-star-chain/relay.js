export { make as build, late as built } from "./middle.js";
