// The demo application: a ticker that keeps a count and asks message.js how to print it.
import { describe } from "./message.js";

let tick = 0;
setInterval(() => {
	tick += 1;
	console.log(describe(tick));
}, 1000);

// New versions of message.js are accepted here: this module is not evaluated again, so the timer
// keeps running and the count goes on, while the next line is printed by the new code.
import.meta.hot?.accept("./message.js");
