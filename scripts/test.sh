#!/usr/bin/env bash
# Sets everything up (scripts/setup.sh), then runs every check and test:
# formatting, clippy, native tests (with the build-time renderer and `offers site`), wasm tests in
# headless Chromium and Firefox, the build's scripts, the release build, end-to-end tests in Chromium against dist/
# over HTTP, then some of them against a site written by `offers site` alone, the CI recipes of
# deploy/ci against an S3-compatible server, the short suite in Chromium, Firefox and WebKit, the
# size report and Lighthouse. Prints each step's time.
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

step "cargo clippy (native: the workspace, with the app's build-time renderer; the app for wasm32)"
# Natively the app's crate is built with `ssr` (offers-cli's dependency); for wasm32, with `csr`.
cargo clippy --workspace --all-targets -- -D warnings
cargo clippy -p offres --features csr --target wasm32-unknown-unknown --all-targets -- -D warnings

step "the fuzz targets compile (fuzz/, its own workspace; running them: docs/reliability.md)"
# About a minute the first time (offers-cli's dependencies, checked apart), seconds after.
cargo check -q --manifest-path fuzz/Cargo.toml --target-dir target/fuzz-check

step "native tests (offers-core, offers-cli with offers site, the build-time renderer)"
cargo test --workspace

step "wasm component tests in headless Chromium"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  CHROMEDRIVER=/usr/bin/chromedriver \
  cargo test -p offres --features csr --target wasm32-unknown-unknown --test web

step "wasm component tests in headless Firefox"
# wasm-bindgen-test-runner starts `firefox`; Debian's is firefox-esr.
mkdir -p target/browsers
ln -sf "$(command -v firefox-esr)" target/browsers/firefox
PATH="$PWD/target/browsers:$PATH" CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  GECKODRIVER="$(command -v geckodriver)" \
  cargo test -p offres --features csr --target wasm32-unknown-unknown --test web

step "the build's rewriting of the module and its glue (tests/build: wasm-unused.mjs, wasm-names.mjs)"
node --test --test-reporter=spec tests/build/

step "release build (trunk, then offers site as its hook)"
bash scripts/build.sh
# The offers binary with this app inside (as scripts/release.sh builds it, unoptimized here):
# site.spec.mjs publishes the content with it alone.
OFFRES_APP_DIR="$PWD/dist" cargo build -q -p offers-cli --features app
cp target/debug/offers target/offers-with-app

step "end-to-end tests in Chromium (Playwright + axe-core)"
# Some specs make their bundles with `cargo run -p offers-cli` (synth): built here, not inside a
# test's time limit.
cargo build -q -p offers-cli
npx playwright test

step "100 000 offers in Chromium, alone (its long tasks are measured: no test beside it)"
OFFRES_SCALE=1 npx playwright test scale.spec.mjs --workers=1

step "the same specs against the site that offers site wrote alone (served by offers serve and nginx)"
# site.spec.mjs (above) wrote target/site from a copy of content/ with the binary alone.
SITE=target/site npx playwright test board.spec.mjs offline.spec.mjs widget.spec.mjs hosting.spec.mjs

step "the CI recipes of deploy/ci (GitLab, GitHub) against an S3-compatible server (moto)"
bash tests/ci/recipes.sh

step "the short suite in Chromium, Firefox and WebKit (WebDriver)"
node --test --test-reporter=spec tests/engines/

step "size report"
bash scripts/size-report.sh

step "Lighthouse (mobile): accessibility, best practices and SEO at 100"
node scripts/bench-lighthouse.mjs --ci
