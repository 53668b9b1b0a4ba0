export function respond(line, state) {
	return `v1 ${line} #${state.requests}`;
}
