// `using` needs Node 24 or newer; on older versions both runs report the same SyntaxError from import().
import { show } from "../report.js";
try {
	await import("./subject.js");
} catch (error) {
	// A failing disposal after a failing body: a SuppressedError holding both.
	show("import() rejects with", { name: error.name, message: error.message, error: error.error, suppressed: error.suppressed });
}
