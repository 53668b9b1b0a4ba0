#!/usr/bin/env bash
# `npm run demo`: builds what is needed (from a fresh clone too) and runs examples/demo under
# dynohot. In a terminal, edit examples/demo/message.js while it runs (Ctrl+C to stop). Without a
# terminal (CI, a pipe), the demo runs on a copy and makes the edit itself, then exits.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/dynohot/cargo-target}"

if [ ! -d node_modules ]; then
	echo "Installing npm dependencies..."
	# npm install, not npm ci: see scripts/test.sh.
	npm install --no-audit --no-fund
fi
echo "Building the native transform (the first build takes several minutes)..."
npm run --silent build:native >/dev/null
echo "Building the TypeScript sources..."
npm run --silent build:ts

# The demo is a project of its own that depends on this checkout, as `npm install` of its
# `"dynohot": "file:../.."` would link it.
link_dynohot() {
	mkdir -p "$1/node_modules"
	ln -sfn "$PWD" "$1/node_modules/dynohot"
}

if [ -t 0 ] && [ -t 1 ]; then
	link_dynohot examples/demo
	echo
	echo "Running examples/demo. Edit examples/demo/message.js and save; press Ctrl+C to stop."
	echo
	cd examples/demo
	exec node --enable-source-maps --import dynohot/register main.js
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp examples/demo/package.json examples/demo/main.js examples/demo/message.js "$work/"
link_dynohot "$work"
node scripts/demo-unattended.js "$work"
