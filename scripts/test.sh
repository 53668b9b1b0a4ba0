#!/usr/bin/env bash
# The whole test suite (`npm test`). Works from a fresh clone: it installs the npm dependencies
# when they are missing and builds everything it tests. Every step runs even when an earlier one
# failed, so one run shows all problems; the exit status is non-zero when anything failed.
#
# Environment:
#   CARGO_TARGET_DIR     cargo's build folder (default: a cache outside the clone)
#   DYNOHOT_NODE_CACHE   where scripts/install-node.sh keeps Node 22/24/26
#   DYNOHOT_TEST_NODES   the Node majors of the end-to-end runs besides the machine's node
#                        (default "22 24 26"; empty for the machine's node only)
set -uo pipefail
cd "$(dirname "$0")/.."
root="$PWD"

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/dynohot/cargo-target}"
export CARGO_TERM_COLOR=never
logs="$(mktemp -d)"
trap 'rm -rf "$logs"' EXIT

passed=0
failed=0
summary=()

# step NAME KIND COMMAND...: runs COMMAND, shows its output, and counts its result. KIND says how:
#   check  one pass or failure
#   ava    the tests ava reports (skipped and todo tests count as failures: none are allowed)
#   cargo  the tests cargo test reports
step() {
	local name="$1" kind="$2"
	shift 2
	local log="$logs/step.log" start status
	printf '\n===== %s =====\n' "$name"
	start=$SECONDS
	"$@" 2>&1 | tee "$log"
	status=${PIPESTATUS[0]}
	local seconds=$((SECONDS - start)) ok=0 bad=0
	case "$kind" in
	ava)
		# One line per test: "✔ title" or "✘ [fail]: title"; plus the totals of what is not a test.
		ok=$(grep -c '^ *✔' "$log")
		bad=$(($(grep -c '^ *✘' "$log") + $(sed -nE 's/^ *([0-9]+) (tests? skipped|tests? todo|uncaught exceptions?|unhandled rejections?|tests? remained pending).*/\1/p' "$log" | awk '{ s += $1 } END { print s + 0 }')))
		;;
	cargo)
		ok=$(sed -nE 's/^test result: [a-zA-Z]+\. ([0-9]+) passed; ([0-9]+) failed.*/\1/p' "$log" | awk '{ s += $1 } END { print s + 0 }')
		bad=$(sed -nE 's/^test result: [a-zA-Z]+\. ([0-9]+) passed; ([0-9]+) failed.*/\2/p' "$log" | awk '{ s += $1 } END { print s + 0 }')
		;;
	check)
		if [ "$status" -eq 0 ]; then ok=1; else bad=1; fi
		;;
	esac
	# A runner that failed without reporting a failed test (a crash, a build error) still failed.
	if [ "$status" -ne 0 ] && [ "$bad" -eq 0 ]; then
		bad=1
	fi
	passed=$((passed + ok))
	failed=$((failed + bad))
	local verdict=PASS
	if [ "$bad" -ne 0 ]; then verdict=FAIL; fi
	summary+=("$(printf '%-4s %5ss  %-40s %s passed, %s failed' "$verdict" "$seconds" "$name" "$ok" "$bad")")
	return "$status"
}

ava=("$root/node_modules/.bin/ava")

# Set-up: npm dependencies, the native binding (cargo's dev profile: our code unoptimised,
# dependencies optimised), the TypeScript build.
if [ ! -d node_modules ]; then
	# npm install, not npm ci: the lock lists optional platform builds of a build tool's dependency
	# (@napi-rs/lzma) that the registry here does not serve, and npm ci refuses a lock it cannot
	# fetch in full; npm install still installs exactly the locked versions.
	step "npm install" check npm install --no-audit --no-fund
fi
step "cargo fmt --check" check cargo fmt --all --check
step "actionlint" check bash scripts/actionlint.sh
step "eslint (TypeScript, type-aware; tests and scripts)" check npx --no-install eslint .
step "cargo clippy -D warnings" check nice cargo clippy --workspace --all-targets -- -D warnings
# napi build always names the target; giving cargo test the same one lets both share one build
# of swc instead of compiling it twice.
host="$(rustc -vV | sed -n 's/^host: //p')"
# The two emitters of the transform are compared on real packages too (tests/emitters_agree.rs).
corpus="$root/node_modules/lodash-es:$root/node_modules/rxjs/dist/esm:$root/node_modules/date-fns:$root/node_modules/three/build"
step "cargo test" cargo env DYNOHOT_EMITTER_CORPUS="$corpus" nice cargo test --workspace --target "$host"
step "native binding (npm run build:native)" check nice npm run --silent build:native
step "TypeScript build (tsc)" check npm run --silent build:ts
step "type tests (__test__/types)" check bash scripts/type-test.sh

# The wasm build comes before the unit suites: __test__/wasm compares it with the native binding.
wasm_built=no
if step "wasm build (scripts/build-wasm.sh)" check bash scripts/build-wasm.sh; then
	wasm_built=yes
fi

# Unit suites: every test file outside the end-to-end, behaviour, execution, test262 and packaging
# folders, once.
mapfile -t unit_tests < <(find __test__ -name '*.test.js' -not -path '__test__/e2e/*' -not -path '__test__/behaviour/*' \
	-not -path '__test__/execution/*' -not -path '__test__/test262/*' -not -path '__test__/packaging/*' | sort)
if [ ${#unit_tests[@]} -gt 0 ]; then
	step "unit tests" ava "${ava[@]}" "${unit_tests[@]}"
fi

# End-to-end suites on each Node version; the harness starts applications with DYNOHOT_TEST_NODE.
# test262 runs on two Node versions: the machine's (off-thread module.register hooks) and the newest
# (in-thread registerHooks, the path Node 22.15+ and 24 take too); it takes minutes per version.
# The execution suite (transformed programs against plain node) runs per version too: `using` parses
# only on 24+, and 22.15+ takes the in-thread hooks.
e2e=(__test__/e2e __test__/behaviour __test__/execution)
step "e2e on node $(node --version) (machine)" ava env DYNOHOT_TEST_NODE="$(command -v node)" "${ava[@]}" "${e2e[@]}"
step "test262 on node $(node --version) (machine)" ava env DYNOHOT_TEST_NODE="$(command -v node)" "${ava[@]}" __test__/test262
if nodes="$(bash scripts/install-node.sh ${DYNOHOT_TEST_NODES-22 24 26})"; then
	newest=""
	while read -r major binary; do
		[ -n "$major" ] || continue
		step "e2e on node $("$binary" --version)" ava env DYNOHOT_TEST_NODE="$binary" "${ava[@]}" "${e2e[@]}"
		newest="$binary"
	done <<<"$nodes"
	if [ -n "$newest" ]; then
		step "test262 on node $("$newest" --version)" ava env DYNOHOT_TEST_NODE="$newest" "${ava[@]}" __test__/test262
	fi
else
	failed=$((failed + 1))
	summary+=("FAIL        installing Node versions (scripts/install-node.sh)")
fi

# The oldest Node we support: the seed's examples (the e2e suite). Not the behaviour suite: Node 20.6
# does not source-map code compiled by eval (reloaded versions), which one behaviour test checks;
# 20.7 does, and the README says so. Nor the plugin-host app, which imports JSON `with` attributes:
# Node 20.6 only parses the older `assert` form (plain node fails there as well).
if oldest="$(bash scripts/install-node.sh 20.6.0)"; then
	oldest_binary="${oldest#* }"
	step "e2e (seed examples) on node $("$oldest_binary" --version) (oldest supported)" ava env DYNOHOT_TEST_NODE="$oldest_binary" "${ava[@]}" __test__/e2e --match '!a plugin host:*'
	# The fixtures that were end-to-end tests: the seed's scenario directories, files/ and examples/.
	step "e2e fixtures on node $("$oldest_binary" --version) (oldest supported)" ava env DYNOHOT_TEST_NODE="$oldest_binary" "${ava[@]}" __test__/behaviour/fixtures.test.js \
		--match 'accept/accept-dependency*' --match 'accept/self-accept-reevaluates-importer-chain*' --match 'files/*' \
		--match 'examples/*' --match 'graph/new-file-added-by-edit*' --match 'graph/unaccepted-change-reaches-root*'
else
	failed=$((failed + 1))
	summary+=("FAIL        installing Node 20.6.0 (scripts/install-node.sh)")
fi

# The wasm fallback: the same end-to-end suite with the transform forced onto the wasm backend.
if [ "$wasm_built" = yes ]; then
	step "e2e with DYNOHOT_TRANSFORM=wasm" ava env DYNOHOT_TRANSFORM=wasm "${ava[@]}" __test__/e2e __test__/behaviour
fi

step "packaging (npm pack, install, hot update)" ava "${ava[@]}" __test__/packaging

printf '\n===== summary =====\n'
printf '%s\n' "${summary[@]}"
printf 'total time %ss\n' "$SECONDS"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
