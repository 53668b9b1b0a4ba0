import { Fragment, h } from "./h.js";

function Item(props: { label: string; children?: unknown }) {
	return <li data-label={props.label}>{props.label}: {String(props.children)}</li>;
}

export const page = (
	<>
		<ul {...{ class: "items" }}>
			<Item label="one">first</Item>
			{[ 2, 3 ].map(n => <Item label={`n${n}`}>{n * 10}</Item>)}
		</ul>
		{null}
		<p>done</p>
	</>
);
