#!/usr/bin/env bash
# Type tests: compiles the samples in __test__/types the way a user's project sees dynohot, as a
# package in node_modules (a link to this checkout's built declarations). Each folder is its own
# program, because a triple-slash directive anywhere would augment ImportMeta for every file.
# Also type-checks the JavaScript of the test harness and scripts (JSDoc types, strict).
set -euo pipefail
cd "$(dirname "$0")/.."

mkdir -p __test__/types/node_modules
ln -sfn ../../.. __test__/types/node_modules/dynohot
status=0
for project in __test__/types/*/tsconfig.json; do
	echo "tsc -p $project"
	node_modules/.bin/tsc -p "$project" || status=1
done
echo "tsc -p __test__/tsconfig.json"
node_modules/.bin/tsc -p __test__/tsconfig.json || status=1
exit "$status"
