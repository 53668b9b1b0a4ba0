import C, { f, arrow } from "./subject.js";
import { show } from "../report.js";
show("f", String(f));
show("default class", String(C));
show("arrow", String(arrow));
