// tsconfig.json's JSON: comments and trailing commas are dropped outside strings, and nothing else
// is forgiven.
import test from "ava";
import { parseJSONC } from "../../dist/hooks/jsonc.js";

test("line and block comments and trailing commas are dropped", t => {
	const text = `{
		// a line comment
		"a": [1, 2, /* a block comment */ 3,],
		/* a block
		   over lines */ "b": { "c": true, },
	}`;
	t.deepEqual(parseJSONC(text), { a: [ 1, 2, 3 ], b: { c: true } });
});

test("what looks like a comment or a trailing comma inside a string is kept", t => {
	const text = String.raw`{ "url": "http://example.com/*x*/", "quote": "a \" // b", "list": ",]", "end": "\\" } // done`;
	t.deepEqual(parseJSONC(text), { url: "http://example.com/*x*/", quote: "a \" // b", list: ",]", end: "\\" });
});

test("anything else that is not JSON is JSON's own error", t => {
	t.throws(() => parseJSONC("{ a: 1 }"), { instanceOf: SyntaxError });
	t.throws(() => parseJSONC("{ \"a\": , }"), { instanceOf: SyntaxError });
	t.throws(() => parseJSONC("[1,,]"), { instanceOf: SyntaxError });
});
