import { Hono } from "hono";
import { names } from "./users";

export const users = new Hono().get("/", c => c.json(names));
