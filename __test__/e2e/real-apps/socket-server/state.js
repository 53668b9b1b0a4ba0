// Survives its own reloads: the next instance takes the object over.
export const state = import.meta.hot?.data?.state ?? { requests: 0 };
import.meta.hot?.dispose(data => {
	data.state = state;
});
