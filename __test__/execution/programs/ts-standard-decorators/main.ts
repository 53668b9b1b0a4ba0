const seen: string[] = [];

function logged<This, Args extends unknown[], Result>(method: (this: This, ...args: Args) => Result, context: ClassMethodDecoratorContext<This, (this: This, ...args: Args) => Result>) {
	seen.push(`decorate ${context.kind} ${String(context.name)} static=${context.static}`);
	context.addInitializer(function () {
		seen.push(`initialize ${String(context.name)}`);
	});
	return function (this: This, ...args: Args): Result {
		seen.push(`call ${String(context.name)}(${args.join(", ")})`);
		return method.call(this, ...args);
	};
}

function doubled(_value: undefined, context: ClassFieldDecoratorContext<Counter, number>) {
	seen.push(`decorate ${context.kind} ${String(context.name)}`);
	return (initial: number) => initial * 2;
}

function tracked<This, Value>(target: ClassAccessorDecoratorTarget<This, Value>, context: ClassAccessorDecoratorContext<This, Value>): ClassAccessorDecoratorResult<This, Value> {
	seen.push(`decorate ${context.kind} ${String(context.name)}`);
	return {
		get(this: This) {
			seen.push(`get ${String(context.name)}`);
			return target.get.call(this);
		},
		set(this: This, value: Value) {
			seen.push(`set ${String(context.name)} = ${String(value)}`);
			target.set.call(this, value);
		},
	};
}

function named(name: string) {
	return function <T extends new (...args: any[]) => object>(target: T, context: ClassDecoratorContext<T>) {
		seen.push(`decorate ${context.kind} ${String(context.name)} as ${name}`);
		return class extends target {
			label = name;
		};
	};
}

@named("counter")
class Counter {
	@doubled start = 5;
	@tracked accessor total = 0;

	@logged
	add(amount: number): number {
		this.total += amount;
		return this.total;
	}

	@logged
	static create(): Counter {
		return new Counter();
	}
}

const counter = Counter.create();
counter.add(counter.start);
console.log(JSON.stringify(counter), counter.total, Counter.name);
for (const line of seen) {
	console.log(line);
}
