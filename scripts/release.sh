#!/usr/bin/env bash
# Builds the `offers` binary for editors, with the app inside (the `app` feature: the files of
# `trunk build --release`), so that `offers site` needs nothing else; writes it with its SHA-256
# to target/offers-release/:
#   offers-<version>-<target>           the binary
#   offers-<version>-<target>.sha256    `sha256sum -c` checks it
# The `cli` profile (Cargo.toml): optimized for speed, unlike the app's release profile (size).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

bash scripts/build.sh
OFFRES_APP_DIR="$PWD/dist" cargo build --locked --profile cli -p offers-cli --features app
binary=target/cli/offers
version=$(awk -F'"' '/^version = / { print $2; exit }' crates/offers-cli/Cargo.toml)
target=$(rustc -vV | sed -n 's/^host: //p')
name="offers-$version-$target"
mkdir -p target/offers-release
cp "$binary" "target/offers-release/$name"
(cd target/offers-release && sha256sum "$name" > "$name.sha256")
echo "$("$binary" --version)"
echo "target/offers-release/$name: $(wc -c < "target/offers-release/$name") bytes"
cat "target/offers-release/$name.sha256"
