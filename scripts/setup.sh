#!/usr/bin/env bash
# Installs everything the build and the tests need, on a fresh machine, and skips what is already
# there at the right version (see ../shared/TOOLCHAIN.md for why each step is done this way).
# Safe to run again and again: a second run takes a few seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
BINARYEN_NPM=132            # wasm-opt from npm binaryen@132; Debian's binaryen 108 breaks the module
GECKODRIVER_VERSION=0.37.1

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

# 1. Debian packages: Chromium and its driver for the browser tests, Firefox ESR and WebKitGTK's
#    WebDriver (with Xvfb: WebKitGTK has no headless mode) for the suite in three engines, brotli
#    for the size report, nginx (with brotli_static) to test the static hosting configuration.
apt_missing=()
for pkg in chromium chromium-driver firefox-esr webkit2gtk-driver xvfb brotli nginx libnginx-mod-http-brotli-static; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || apt_missing+=("$pkg")
done
if [ ${#apt_missing[@]} -gt 0 ]; then
  say "apt-get install ${apt_missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${apt_missing[@]}" >/dev/null
fi
if dpkg-query -W -f='${Status}' binaryen 2>/dev/null | grep -q "install ok installed"; then
  say "warning: Debian's binaryen is installed; its wasm-opt breaks the module. node_modules/.bin comes first on PATH."
fi

# 2. Rust: the wasm target.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# 2b. The pinned nightly that builds the release module, with the standard library's source
#     (scripts/nightly.sh says why). No wasm target for it: the standard library is built from
#     that source.
. scripts/nightly.sh
if ! rustc "+$NIGHTLY" --version >/dev/null 2>&1; then
  say "rustup toolchain install $NIGHTLY (minimal, with rust-src)"
  rustup toolchain install "$NIGHTLY" --profile minimal --component rust-src
elif ! rustup component list --installed --toolchain "$NIGHTLY" | grep -qx rust-src; then
  say "rustup component add rust-src --toolchain $NIGHTLY"
  rustup component add rust-src --toolchain "$NIGHTLY"
fi
# The standard library's own dependencies (libc, wasip1…): trunk builds offline, so they must be
# in cargo's cache before the first build. Quick when they already are (no network then).
cargo "+$NIGHTLY" fetch --locked \
  --manifest-path "$(rustc "+$NIGHTLY" --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"

# 3. trunk, pinned (0.22 needs a newer rustc than this machine has).
if ! { have trunk && trunk --version | grep -q " $TRUNK_VERSION"; }; then
  say "cargo install trunk $TRUNK_VERSION (about 8 minutes the first time)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# 4. wasm-bindgen-cli at exactly the version in Cargo.lock (no --locked: its lock pins a crate the
#    registry here lacks).
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$WB_VERSION" ]; then echo "setup: no wasm-bindgen in Cargo.lock" >&2; exit 2; fi
if ! { have wasm-bindgen && wasm-bindgen --version | grep -q " $WB_VERSION\$"; }; then
  say "cargo install wasm-bindgen-cli $WB_VERSION (about 3 minutes the first time)"
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --force
fi
# Trunk.toml must name the same version (trunk runs offline and would otherwise look for another).
if ! grep -q "wasm_bindgen = \"$WB_VERSION\"" Trunk.toml; then
  echo "setup: Trunk.toml [tools] wasm_bindgen must be \"$WB_VERSION\" (the Cargo.lock version)" >&2
  exit 2
fi

# 4b. geckodriver, Firefox's WebDriver server (not packaged by Debian).
if ! { have geckodriver && geckodriver --version | grep -q "^geckodriver $GECKODRIVER_VERSION"; }; then
  say "cargo install geckodriver $GECKODRIVER_VERSION (about 3 minutes the first time)"
  cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked
fi

# 5. Node packages from the committed lockfile: Playwright, axe-core, binaryen's wasm-opt.
if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
if ! wasm-opt --version | grep -q "version $BINARYEN_NPM"; then
  echo "setup: wasm-opt on PATH is not binaryen $BINARYEN_NPM: $(wasm-opt --version)" >&2
  exit 2
fi
# 6. The aws CLI and moto's S3-compatible server, in a virtualenv, for the test of the CI recipes
#    (tests/ci/recipes.sh); reinstalled only when tests/ci/requirements.txt changes.
VENV=target/ci-venv
if ! cmp -s tests/ci/requirements.txt "$VENV/requirements.txt" 2>/dev/null; then
  say "pip install -r tests/ci/requirements.txt (aws CLI, moto) into $VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q --disable-pip-version-check -r tests/ci/requirements.txt
  cp tests/ci/requirements.txt "$VENV/requirements.txt"
fi
say "ready: trunk $TRUNK_VERSION, wasm-bindgen $WB_VERSION, $(wasm-opt --version), $(chromium --version 2>/dev/null | head -1), $(firefox-esr --version 2>/dev/null | head -1), geckodriver $GECKODRIVER_VERSION"
