interface Punctuation {
	end: string;
}

const punctuation: Punctuation = { end: "!" };

export function greet(name: string): string {
	return `hello ${name}${punctuation.end}`;
}
