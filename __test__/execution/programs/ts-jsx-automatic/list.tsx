import type { FC } from "hono/jsx";

export const List: FC<{ items: readonly string[] }> = ({ items }) => (
	<ul class="list">
		{items.map(item => <li key={item}>{item}</li>)}
	</ul>
);
