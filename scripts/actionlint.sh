#!/usr/bin/env bash
# Lints the GitHub workflows with actionlint. The binary is built once from its Go module (through
# the Go module proxy) into a cache folder outside the project; later runs reuse it.
set -euo pipefail
cd "$(dirname "$0")/.."

version=v1.7.12
bin="${DYNOHOT_TOOL_CACHE:-$HOME/.cache/dynohot/bin}"
actionlint="$bin/actionlint"
if ! { [ -x "$actionlint" ] && "$actionlint" --version | grep -qx "$version"; }; then
	if ! command -v go >/dev/null; then
		echo "actionlint needs Go to be installed (it is built with 'go install')" >&2
		exit 1
	fi
	mkdir -p "$bin"
	GOBIN="$bin" GOFLAGS=-mod=mod go install "github.com/rhysd/actionlint/cmd/actionlint@$version"
fi
# Without the optional shellcheck/pyflakes passes: the result must not depend on what else happens
# to be installed on the machine.
"$actionlint" -color=false -shellcheck= -pyflakes= .github/workflows/*.yml
