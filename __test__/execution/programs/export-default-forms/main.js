// Every form of `export default` whose value is a function, a class or an expression: the value,
// its own `name` property (an anonymous function or class is named "default") and the namespace.
import * as anonymousFunction from "./anonymous-function.js";
import * as anonymousClass from "./anonymous-class.js";
import * as anonymousGenerator from "./anonymous-generator.js";
import * as anonymousAsync from "./anonymous-async.js";
import * as arrow from "./arrow.js";
import * as classExpression from "./class-expression.js";
import * as functionExpression from "./function-expression.js";
import * as expression from "./expression.js";
import * as namedClass from "./named-class.js";
import { show } from "../report.js";

const forms = { anonymousFunction, anonymousClass, anonymousGenerator, anonymousAsync, arrow, classExpression, functionExpression, expression, namedClass };
for (const [ form, namespace ] of Object.entries(forms)) {
	const value = namespace.default;
	show(`${form}: default`, value);
	show(`${form}: name descriptor`, typeof value === "function" ? Object.getOwnPropertyDescriptor(value, "name") : "not a function");
	show(`${form}: own names`, typeof value === "function" ? Object.getOwnPropertyNames(value) : "not a function");
	show(`${form}: namespace`, namespace);
}
show("anonymous class: who(), x", [anonymousClass.default.who(), anonymousClass.default.x]);
