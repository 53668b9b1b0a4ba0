import { List } from "./list.js";

export const page = (
	<>
		<h1 id="title">Fruit &amp; more</h1>
		<List items={[ "apple", "pear" ]} />
		{false}
		<input disabled value={String(2 + 3)} />
	</>
);
