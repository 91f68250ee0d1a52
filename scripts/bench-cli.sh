#!/usr/bin/env bash
# Benchmark of the offers CLI: `offers build` and `offers validate` on synthetic content of
# 10,000 and 100,000 offers (offers synth --content), median of RUNS runs, plus the bundle's size
# raw, gzip -9 and brotli -q 11. Budget: 10,000 offers built and validated in under 2 s.
# Then `offers site` on the default content and on 10,000 offers, and the binary's size.
# Then `offers import` of a real-shaped DGAFP open-data file of 50,000 rows (scripts/gen-dgafp.mjs),
# and `offers build` of what it wrote: wall time and peak memory of each (issue "National scale":
# import + build in at most 5 s, under 1 GB).
# A benchmark, not a test: it prints figures; it exits non-zero only when the budget is missed.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
SIZES=${SIZES:-"10000 100000"}
# The binary editors get (scripts/release.sh builds it with this profile).
cargo build -q --profile cli -p offers-cli
OFFERS=$PWD/target/cli/offers
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

ROWS=${ROWS:-50000}
node scripts/gen-dgafp.mjs "$ROWS" > "$WORK/dgafp.csv"
peak() { # command…: runs it, prints "ms peak-MB"
  local t; t=$(date +%s%N)
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%M' -o "$WORK/mem" "$@" >/dev/null 2>&1 || true
    echo "$(ms "$t") $(( $(cat "$WORK/mem") / 1024 ))"
  else
    "$@" >/dev/null 2>&1 || true
    echo "$(ms "$t") n/a"
  fi
}
read -r import_ms import_mb <<<"$(peak "$OFFERS" import "$WORK/dgafp.csv" -o "$WORK/dgafp")"
read -r build_ms build_mb <<<"$(peak "$OFFERS" build "$WORK/dgafp" -o "$WORK/dgafp/offers.json" --today 2026-11-23)"
families=$(grep -c '^- id:' "$WORK/dgafp/_bundle.yml" || true)
written=$(find "$WORK/dgafp/offers" -name '*.md' | wc -l)
printf '\nDGAFP export, %d rows: %d offers written in %d families\n' "$ROWS" "$written" "$families"
printf '%-28s %10s %10s\n' step ms "peak MB"
printf '%-28s %10d %10s\n' "offers import (and its check)" "$import_ms" "$import_mb"
printf '%-28s %10d %10s\n' "offers build" "$build_ms" "$build_mb"
printf 'import + build: %d ms (target 5000 ms, under 1 GB)\n' "$((import_ms + build_ms))"

# `offers site` (issue "One binary publishes the site"), with the app of dist/ inside the binary
# (as scripts/release.sh builds it): the default content, and 10 000 synthetic offers, each into
# a fresh folder; median of RUNS. Needs dist/ (bash scripts/build.sh).
if [ -f dist/index.html ]; then
  OFFRES_APP_DIR="$PWD/dist" cargo build -q --profile cli -p offers-cli --features app
  [ -d "$WORK/c10000" ] || "$OFFERS" synth 10000 --seed 1 --today 2026-11-23 --content "$WORK/c10000" 2>/dev/null
  sites=() big=()
  for i in $(seq "$RUNS"); do
    t=$(date +%s%N); "$OFFERS" site content -o "$WORK/site$i" --site-url https://example.gouv.fr/ >/dev/null 2>&1; sites+=("$(ms "$t")")
    read -r s_ms s_mb <<<"$(peak "$OFFERS" site "$WORK/c10000" -o "$WORK/big$i" --site-url https://example.gouv.fr/)"
    big+=("$s_ms")
  done
  printf '\n%-44s %10s\n' "offers site" "ms"
  printf '%-44s %10d   (target: under 1000 ms)\n' "default content (23 offers)" "$(median "${sites[@]}")"
  printf '%-44s %10d   (target: under 5000 ms; peak %s MB)\n' "10 000 synthetic offers ($(find "$WORK/big1/offres" -name '*.html' | wc -l) pages)" "$(median "${big[@]}")" "$s_mb"
  printf '%-44s %10d   (bytes; the app inside: %s)\n' "the binary (cli profile, stripped)" "$(wc -c < "$OFFERS")" "$("$OFFERS" --version)"
else
  echo "bench-cli: no dist/ (bash scripts/build.sh): offers site not measured" >&2
fi
exit $status
