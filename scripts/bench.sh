#!/usr/bin/env bash
# `npm run bench`: builds what the benchmarks measure, then runs them (arguments go to
# benchmark/run.js, e.g. `npm run bench -- --quick`). Works from a fresh clone: it installs the npm
# dependencies when they are missing, builds the native binding with the release profile (the one
# users get; `npm test` builds a debug one into the same place), the TypeScript and the wasm
# binding, and installs Node 24 for the rows measured on a newer Node.js (BENCH_TS_NODE overrides).
set -euo pipefail
cd "$(dirname "$0")/.."

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/dynohot/cargo-target}"
if [ ! -d node_modules ]; then
	npm install --no-audit --no-fund
fi
npx --no-install napi build --platform --release --manifest-path crates/dynohot_napi/Cargo.toml \
	--output-dir npm/native --no-js --dts native.d.ts
npx --no-install tsc -p tsconfig.json
bash scripts/build-wasm.sh
if [ -z "${BENCH_TS_NODE:-}" ]; then
	BENCH_TS_NODE="$(bash scripts/install-node.sh 24 | cut -d' ' -f2)"
	export BENCH_TS_NODE
fi
exec node benchmark/run.js "$@"
