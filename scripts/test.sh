#!/usr/bin/env bash
# Sets everything up (scripts/setup.sh), then runs every check and test:
# formatting, clippy, native tests (with the build-time renderer), wasm tests in headless Chromium
# and Firefox, the release build, end-to-end tests in Chromium against dist/ over HTTP, the short
# suite in Chromium, Firefox and WebKit, the size report and Lighthouse. Prints each step's time.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

times=()
last_name="set-up" last_start=$started
step() {
  times+=("$(printf '%5d s  %s' $((SECONDS - last_start)) "$last_name")")
  last_name="$*" last_start=$SECONDS
  printf '\n\033[1m== %s\033[0m\n' "$*"
}
summary() {
  times+=("$(printf '%5d s  %s' $((SECONDS - last_start)) "$last_name")")
  printf '\n\033[1m== time per step\033[0m\n'
  printf '%s\n' "${times[@]}"
  printf '%5d s  in all\n' $((SECONDS - started))
}
trap summary EXIT

step "cargo fmt --check"
cargo fmt --all --check

step "cargo clippy (native; the app for wasm32, and its build-time renderer)"
cargo clippy --workspace --all-targets -- -D warnings
cargo clippy -p offres --target wasm32-unknown-unknown --all-targets -- -D warnings
cargo clippy -p offres --no-default-features --features ssr --all-targets -- -D warnings

step "native tests (offers-core, offers-cli, the build-time renderer)"
cargo test --workspace
cargo test -p offres --no-default-features --features ssr

step "wasm component tests in headless Chromium"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  CHROMEDRIVER=/usr/bin/chromedriver \
  cargo test -p offres --target wasm32-unknown-unknown --test web

step "wasm component tests in headless Firefox"
# wasm-bindgen-test-runner starts `firefox`; Debian's is firefox-esr.
mkdir -p target/browsers
ln -sf "$(command -v firefox-esr)" target/browsers/firefox
PATH="$PWD/target/browsers:$PATH" CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  GECKODRIVER="$(command -v geckodriver)" \
  cargo test -p offres --target wasm32-unknown-unknown --test web

step "release build (trunk)"
trunk build --release

step "end-to-end tests in Chromium (Playwright + axe-core)"
# Some specs make their bundles with `cargo run -p offers-cli` (synth): built here, not inside a
# test's time limit.
cargo build -q -p offers-cli
npx playwright test

step "the short suite in Chromium, Firefox and WebKit (WebDriver)"
node --test --test-reporter=spec tests/engines/

step "size report"
bash scripts/size-report.sh

step "Lighthouse (mobile): accessibility, best practices and SEO at 100"
node scripts/bench-lighthouse.mjs --ci
