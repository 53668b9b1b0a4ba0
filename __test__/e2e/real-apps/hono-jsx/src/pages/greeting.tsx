import type { FC } from "hono/jsx";

export const Greeting: FC<{ name: string }> = ({ name }) => (
	<main>
		<h1>hello {name}</h1>
		<>
			<p>page v1</p>
		</>
	</main>
);
