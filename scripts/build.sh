#!/usr/bin/env bash
# The app's release build: `trunk build --release` (then `offers site`, trunk's hook), with the
# wasm module compiled by the pinned nightly (scripts/nightly.sh), its standard library rebuilt
# with panics as a bare trap. The release profile already aborts on panic and the release module
# has no panic hook, so a panic was already a trap with no message; this takes out the code that
# formatted a message nobody reads. Run scripts/setup.sh first (it installs the toolchain).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/nightly.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
# Only the wasm target gets the flag: trunk's hook builds the native CLI, with the stable
# toolchain (Trunk.toml unsets these variables for it).
RUSTUP_TOOLCHAIN=$NIGHTLY CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort" \
  exec trunk build --release "$@"
