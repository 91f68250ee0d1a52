#!/usr/bin/env bash
# Sets everything up, builds the release and serves dist/ on 127.0.0.1 (PORT, default 8080) with
# `offers serve`: the deploy configuration's headers (strict CSP, caching), precompressed files.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
bash scripts/build.sh
PORT=${PORT:-8080}
cargo build -q -p offers-cli
exec target/debug/offers serve dist --port "$PORT"
