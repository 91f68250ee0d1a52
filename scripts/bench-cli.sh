#!/usr/bin/env bash
# Benchmark of the offers CLI: `offers build` and `offers validate` on synthetic content of
# 10,000 and 100,000 offers (offers synth --content), median of RUNS runs, plus the bundle's size
# raw, gzip -9 and brotli -q 11. Budget: 10,000 offers built and validated in under 2 s.
# A benchmark, not a test: it prints figures; it exits non-zero only when the budget is missed.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
SIZES=${SIZES:-"10000 100000"}
cargo build -q --release -p offers-cli
OFFERS=$PWD/target/release/offers
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

printf '%-8s %10s %12s %12s %12s %12s %12s\n' offers "build ms" "validate ms" "total ms" "raw bytes" "gzip" "brotli"
status=0
for n in $SIZES; do
  "$OFFERS" synth "$n" --seed 1 --today 2026-11-23 --content "$WORK/c$n" 2>/dev/null
  builds=() validates=()
  for _ in $(seq "$RUNS"); do
    t=$(date +%s%N); "$OFFERS" build "$WORK/c$n" -o "$WORK/b$n.json" --today 2026-11-23 >/dev/null 2>&1; builds+=("$(ms "$t")")
    t=$(date +%s%N); "$OFFERS" validate "$WORK/b$n.json" --today 2026-11-23 >/dev/null 2>&1; validates+=("$(ms "$t")")
  done
  b=$(median "${builds[@]}") v=$(median "${validates[@]}")
  raw=$(wc -c < "$WORK/b$n.json")
  gz=$(gzip -9 -c "$WORK/b$n.json" | wc -c)
  br=$(brotli -q 11 -c "$WORK/b$n.json" | wc -c)
  printf '%-8s %10d %12d %12d %12d %12d %12d\n' "$n" "$b" "$v" "$((b + v))" "$raw" "$gz" "$br"
  if [ "$n" = 10000 ] && [ $((b + v)) -ge 2000 ]; then
    echo "bench-cli: 10,000 offers took $((b + v)) ms to build and validate (budget 2000 ms)" >&2
    status=1
  fi
done
exit $status
