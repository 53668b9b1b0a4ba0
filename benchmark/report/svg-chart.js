// A line chart of startup wall time (median) against module count, one line per tool, written as
// plain SVG text. The time axis is logarithmic: the tools differ by an order of magnitude.

const WIDTH = 760;
const HEIGHT = 440;
const MARGIN = { left: 70, right: 230, top: 40, bottom: 50 };
const COLORS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"];

const escape = text => String(text).replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

export function renderStartupChart(startupRows) {
	const series = new Map();
	for (const row of startupRows) {
		if (row.status !== "ok") {
			continue;
		}
		const name = `${row.label}${row.variant === "ts" ? " (TS app)" : ""}`;
		const points = series.get(name) ?? [];
		points.push({ size: row.size, ms: row.wallMs.median });
		series.set(name, points);
	}
	const points = [...series.values()].flat();
	const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
	const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
	const parts = [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
		`<rect width="${WIDTH}" height="${HEIGHT}" fill="white"/>`,
		`<text x="${MARGIN.left}" y="22" font-size="15" font-weight="bold">Startup to ready line (median wall time) vs module count</text>`,
	];
	if (points.length === 0) {
		parts.push(`<text x="${MARGIN.left}" y="${MARGIN.top + 30}">No startup measurements.</text>`, "</svg>");
		return `${parts.join("\n")}\n`;
	}
	const sizes = [...new Set(points.map(point => point.size))].sort((left, right) => left - right);
	const minSize = sizes[0];
	const maxSize = sizes[sizes.length - 1];
	const x = size => MARGIN.left + (maxSize === minSize ? plotWidth / 2 : ((size - minSize) / (maxSize - minSize)) * plotWidth);
	const lowDecade = Math.floor(Math.log10(Math.min(...points.map(point => point.ms))));
	const highDecade = Math.max(lowDecade + 1, Math.ceil(Math.log10(Math.max(...points.map(point => point.ms)))));
	const y = ms => MARGIN.top + plotHeight - ((Math.log10(ms) - lowDecade) / (highDecade - lowDecade)) * plotHeight;
	// Grid: a line per decade and per 2× and 5× within it.
	for (let decade = lowDecade; decade <= highDecade; decade++) {
		for (const factor of [1, 2, 5]) {
			const value = factor * 10 ** decade;
			if (Math.log10(value) > highDecade) {
				continue;
			}
			const lineY = y(value).toFixed(1);
			parts.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left + plotWidth}" y1="${lineY}" y2="${lineY}" stroke="${factor === 1 ? "#bbb" : "#eee"}"/>`);
			parts.push(`<text x="${MARGIN.left - 6}" y="${lineY}" text-anchor="end" dominant-baseline="middle" fill="#555">${value >= 1000 ? `${value / 1000} s` : `${value} ms`}</text>`);
		}
	}
	for (const size of sizes) {
		parts.push(`<line x1="${x(size)}" x2="${x(size)}" y1="${MARGIN.top}" y2="${MARGIN.top + plotHeight}" stroke="#eee"/>`);
		parts.push(`<text x="${x(size)}" y="${MARGIN.top + plotHeight + 18}" text-anchor="middle" fill="#555">${size.toLocaleString("en-US")}</text>`);
	}
	parts.push(`<text x="${MARGIN.left + plotWidth / 2}" y="${HEIGHT - 10}" text-anchor="middle">modules</text>`);
	parts.push(`<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${plotWidth}" height="${plotHeight}" fill="none" stroke="#888"/>`);
	let index = 0;
	for (const [name, seriesPoints] of series) {
		const color = COLORS[index % COLORS.length];
		const sorted = [...seriesPoints].sort((left, right) => left.size - right.size);
		const coordinates = sorted.map(point => `${x(point.size).toFixed(1)},${y(point.ms).toFixed(1)}`);
		parts.push(`<polyline points="${coordinates.join(" ")}" fill="none" stroke="${color}" stroke-width="2"/>`);
		for (const coordinate of coordinates) {
			const [cx, cy] = coordinate.split(",");
			parts.push(`<circle cx="${cx}" cy="${cy}" r="3.5" fill="${color}"/>`);
		}
		const legendY = MARGIN.top + 10 + index * 20;
		parts.push(`<line x1="${WIDTH - MARGIN.right + 15}" x2="${WIDTH - MARGIN.right + 35}" y1="${legendY}" y2="${legendY}" stroke="${color}" stroke-width="3"/>`);
		parts.push(`<text x="${WIDTH - MARGIN.right + 42}" y="${legendY}" dominant-baseline="middle">${escape(name)}</text>`);
		index++;
	}
	parts.push("</svg>");
	return `${parts.join("\n")}\n`;
}
