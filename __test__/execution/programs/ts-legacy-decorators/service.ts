import { getMetadata } from "./reflect.js";

export const calls: string[] = [];

function Injectable(name: string) {
	return (target: Function) => {
		calls.push(`class ${name}: ${target.name}`);
	};
}

function Log(target: object, key: string, descriptor: PropertyDescriptor) {
	calls.push(`method ${key}`);
	const original = descriptor.value as (...args: unknown[]) => unknown;
	descriptor.value = function (this: unknown, ...args: unknown[]) {
		calls.push(`call ${key}(${args.join(", ")})`);
		return original.apply(this, args);
	};
}

function Column(target: object, key: string) {
	calls.push(`property ${key}`);
}

function Inject(token: string) {
	return (target: object, key: string | undefined, index: number) => {
		calls.push(`parameter ${index} of ${key ?? "constructor"}: ${token}`);
	};
}

export class Repository {}

@Injectable("users")
export class UserService {
	@Column
	name: string = "default";

	@Column
	count!: number;

	constructor(@Inject("repo") readonly repository: Repository, readonly limit: number) {}

	@Log
	greet(@Inject("prefix") prefix: string, times: number): string {
		return `${prefix} ${this.name} x${times}`;
	}
}

export function describe(): string[] {
	const types = (value: unknown) => Array.isArray(value) ? value.map(type => (type as Function).name).join(",") : String((value as Function | undefined)?.name);
	return [
		`paramtypes: ${types(getMetadata("design:paramtypes", UserService))}`,
		`greet paramtypes: ${types(getMetadata("design:paramtypes", UserService.prototype, "greet"))}`,
		`greet returntype: ${types(getMetadata("design:returntype", UserService.prototype, "greet"))}`,
		`name type: ${types(getMetadata("design:type", UserService.prototype, "name"))}`,
	];
}
