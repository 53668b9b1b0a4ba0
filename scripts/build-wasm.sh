#!/usr/bin/env bash
# Builds the wasm fallback of the transform: crates/dynohot_wasm for wasm32-wasip1, written to
# npm/wasm32-wasi/dynohot.wasm32-wasi.wasm. Idempotent: installs the toolchain only when it is
# missing and rebuilds only what changed (cargo decides), so a second run takes seconds.
#
# rustup's toolchain here has no wasm32 standard library and cannot download one. Debian ships a
# recent rustc (`rustc-web`) with the standard library's source (`rust-web-src`) and a WASI libc,
# so that rustc builds std for wasm32-wasip1 itself (`-Zbuild-std`, allowed on a stable compiler
# by RUSTC_BOOTSTRAP=1). Only a non-threaded WASI libc is packaged: the module is single-threaded.
#
# Environment:
#   CARGO_TARGET_DIR_WASM  cargo's build folder for this target (default: a cache outside the clone)
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"

# The oldest Debian rustc known to build the workspace (its rust-version) and std with build-std.
minimum_rustc="1.88"
debian_rustc=/usr/bin/rustc
debian_cargo=/usr/bin/cargo
wasi_libc=/usr/lib/wasm32-wasi
wasm_ld=/usr/lib/llvm-19/bin/wasm-ld
std_source=/usr/lib/rustlib/src/rust/library
packages=(rustc-web cargo-web rust-web-src wasi-libc lld-19)
target_dir="${CARGO_TARGET_DIR_WASM:-$HOME/.cache/dynohot/cargo-target-wasm}"
output="$root/npm/wasm32-wasi/dynohot.wasm32-wasi.wasm"
# Linear memory below the data is the shadow stack: parsing and visiting deeply nested code
# recurse on it. Overflowing it traps (the stack comes first in memory), which the JavaScript
# side turns into an error for that module.
stack_size=$((16 * 1024 * 1024))

rustc_is_recent() {
	local version
	version="$("$debian_rustc" --version 2>/dev/null | awk '{ print $2 }')" || return 1
	[ -n "$version" ] && [ "$(printf '%s\n%s\n' "$minimum_rustc" "$version" | sort -V | head -n 1)" = "$minimum_rustc" ]
}

toolchain_is_installed() {
	rustc_is_recent && [ -x "$debian_cargo" ] && [ -f "$wasi_libc/libc.a" ] && [ -f "$wasi_libc/crt1-reactor.o" ] &&
		[ -x "$wasm_ld" ] && [ -f "$std_source/Cargo.lock" ]
}

if ! toolchain_is_installed; then
	echo "build-wasm: installing Debian's Rust toolchain for wasm (${packages[*]})" >&2
	sudo=()
	if [ "$(id -u)" -ne 0 ]; then sudo=(sudo); fi
	"${sudo[@]}" apt-get update
	DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends "${packages[@]}"
	if ! toolchain_is_installed; then
		echo "build-wasm: $debian_rustc is not rustc $minimum_rustc or newer, or a part is missing after installing ${packages[*]}" >&2
		exit 1
	fi
fi

# Release build, tuned for the wasm module only (environment overrides leave the workspace's
# release profile, used by the native binding, alone): one codegen unit and full LTO for speed
# and size, no symbols, panics abort (wasm has no unwinding here; the binding reports them).
export CARGO_PROFILE_RELEASE_OPT_LEVEL=3
export CARGO_PROFILE_RELEASE_LTO=fat
export CARGO_PROFILE_RELEASE_CODEGEN_UNITS=1
export CARGO_PROFILE_RELEASE_PANIC=abort
export CARGO_PROFILE_RELEASE_STRIP=true
export CARGO_PROFILE_RELEASE_DEBUG=false
export RUSTC="$debian_rustc"
export RUSTC_BOOTSTRAP=1
# rustup's wrappers and settings must not leak into Debian's cargo.
unset RUSTC_WRAPPER RUSTUP_TOOLCHAIN CARGO_BUILD_TARGET
export RUSTFLAGS="-C linker=$wasm_ld -C link-arg=-L$wasi_libc -L $wasi_libc -C link-arg=-zstack-size=$stack_size"

"$debian_cargo" build --release --locked \
	--manifest-path "$root/Cargo.toml" --package dynohot_wasm \
	--target wasm32-wasip1 -Z build-std=std,panic_abort \
	--target-dir "$target_dir"

built="$target_dir/wasm32-wasip1/release/dynohot_wasm.wasm"
if [ ! -f "$output" ] || [ "$built" -nt "$output" ]; then
	mkdir -p "$(dirname "$output")"
	# Write beside the output, then rename: a reader never sees half a module.
	cp "$built" "$output.partial"
	mv "$output.partial" "$output"
	echo "build-wasm: wrote ${output#"$root"/} ($(stat -c %s "$output") bytes)" >&2
else
	echo "build-wasm: ${output#"$root"/} is up to date" >&2
fi
