import { Hono } from "hono";
import { greet } from "@/lib/greet";
import { users } from "@/routes";

export const app = new Hono();
app.get("/hello/:name", c => c.text(greet(c.req.param("name"))));
app.route("/users", users);
