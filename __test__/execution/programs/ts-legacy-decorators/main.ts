import { calls, describe, Repository, UserService } from "./service.js";

const service = new UserService(new Repository(), 3);
console.log(service.greet("hi", 2));
console.log(Object.keys(service).join(","));
for (const line of [ ...calls, ...describe() ]) {
	console.log(line);
}
