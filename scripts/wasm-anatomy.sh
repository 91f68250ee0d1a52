#!/usr/bin/env bash
# Where the wasm's bytes go: the module trunk built (target/wasm32-unknown-unknown/release/
# offres.wasm, after `bash scripts/build.sh`), through wasm-bindgen and wasm-opt as the build does
# (scripts/wasm-unused.mjs) but keeping its function names (--keep-debug, -g), then twiggy, summed
# by crate. Prints the ten
# largest crates (raw bytes of the optimized module; brotli shrinks all of them about 3×) and the
# twenty largest functions. Installs twiggy the first time (about 3 minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
module=target/wasm32-unknown-unknown/release/offres.wasm
[ -f "$module" ] || { echo "wasm-anatomy: no $module (bash scripts/build.sh first)" >&2; exit 2; }
command -v twiggy >/dev/null || cargo install twiggy --version 0.8.0 --locked
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
wasm-bindgen "$module" --out-dir "$work" --target web --keep-debug
# What the build's hook does (scripts/wasm-unused.mjs), names kept.
WORK="$work" node --input-type=module -e "
import { readFileSync, writeFileSync } from 'node:fs';
import { dropClasses, optimize } from './scripts/wasm-unused.mjs';
const work = process.env.WORK;
const { dropped } = dropClasses(readFileSync(work + '/offres.js', 'utf8'));
writeFileSync(work + '/named.wasm', optimize(readFileSync(work + '/offres_bg.wasm'), dropped, { names: true }));
"
twiggy top -n 1000000 --format csv "$work/named.wasm" > "$work/top.csv"
node - "$work/top.csv" <<'JS'
const { readFileSync } = require('node:fs');
const lines = readFileSync(process.argv[2], 'utf8').trim().split('\n').slice(1);
// Rows are "Name,ShallowSize,ShallowSizePercent"; names may hold commas (quoted).
const rows = lines.map((l) => { const m = l.match(/^(?:"((?:[^"]|"")*)"|([^,]*)),(\d+),/); return m && { name: (m[1] ?? m[2]).replace(/""/g, '"'), size: +m[3] }; }).filter(Boolean);
const crate = (name) => {
  if (name.startsWith('data segment')) return '(data: strings, tables)';
  // "<serde_json::de::Deserializer as serde::Deserializer>::f": the implementing type's crate.
  const ids = [...name.matchAll(/([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::/g)].map((m) => m[1]);
  return ids[0] ? ids[0] : '(other)';
};
const by = new Map();
let total = 0;
for (const r of rows) {
  if (/^custom section|subsection/.test(r.name)) continue;
  by.set(crate(r.name), (by.get(crate(r.name)) || 0) + r.size);
  total += r.size;
}
console.log(`module (optimized, names kept): ${total} bytes of code and data`);
console.log('the ten largest parts, by crate:');
for (const [k, v] of [...by].sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`${String(v).padStart(9)} ${(100 * v / total).toFixed(1).padStart(5)} %  ${k}`);
console.log('the twenty largest functions:');
for (const r of rows.filter((r) => !/^custom section|subsection|^data segment/.test(r.name)).sort((a, b) => b.size - a.size).slice(0, 20)) console.log(`${String(r.size).padStart(9)}  ${r.name.slice(0, 110)}`);
JS
