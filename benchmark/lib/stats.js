// Summaries of repeated measurements: the median is what the tables show, min and max show the
// spread (the machine is shared, so single samples are unreliable).

export function summarize(samples, { keepSamples = true } = {}) {
	if (samples.length === 0) {
		return undefined;
	}
	const sorted = [...samples].sort((left, right) => left - right);
	const middle = Math.floor(sorted.length / 2);
	const median = sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	const summary = { median, min: sorted[0], max: sorted[sorted.length - 1], n: sorted.length };
	return keepSamples ? { ...summary, samples } : summary;
}

/**
 * The `fraction` quantile of `samples` (p90: 0.9), interpolated linearly between the two nearest
 * ranks, so that with few samples p90 is not simply the maximum.
 */
export function quantile(samples, fraction) {
	if (samples.length === 0) {
		return undefined;
	}
	const sorted = [...samples].sort((left, right) => left - right);
	const position = (sorted.length - 1) * fraction;
	const below = Math.floor(position);
	const above = Math.min(below + 1, sorted.length - 1);
	return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}
