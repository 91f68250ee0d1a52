// Trunk post_build hook (Trunk.toml), the app build's last step before `offers site`: minifies
// the app's files, for bytes. trunk's own minifier fails on wasm-bindgen's glue and rewrites the
// HTML, so: the module optimized without what no page calls (wasm-unused.mjs), the names between
// it and its glue shortened (wasm-names.mjs), the glue with terser; the stylesheets, in their order, into one file with
// lightningcss (one request instead of sixteen), linked with its integrity hash. Everything else
// (the start script, the board rendered at build time, the offer pages, the service worker, the
// widget, compressed copies) is the site's, written by `offers site` (crates/offers-cli).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';
import { transform } from 'lightningcss';
import { shortenNames } from './wasm-names.mjs';
import { dropClasses, optimize } from './wasm-unused.mjs';

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2] || 'dist';
const indexPath = join(dir, 'index.html');
let html = readFileSync(indexPath, 'utf8');
// The glue, as trunk's inline start names it.
const glue = html.match(/import init, \* as bindings from '\.\/(offres-[0-9a-f]+\.js)'/)?.[1];
if (!glue) {
  console.error("minify: trunk's start script has changed: no `import init … from './offres-….js'` in index.html");
  process.exit(1);
}
// The module as wasm-bindgen wrote it: what no page calls taken out, then optimized
// (wasm-unused.mjs); then the names by which it and the glue call each other, shortened in both
// (wasm-names.mjs).
const wasmFile = join(dir, glue.replace(/\.js$/, '_bg.wasm'));
const used = dropClasses(readFileSync(join(dir, glue), 'utf8'));
const short = shortenNames(optimize(readFileSync(wasmFile), used.dropped), used.glue);
writeFileSync(wasmFile, short.wasm);
const code = (await minify(short.glue, { module: true, compress: true, mangle: true })).code;
writeFileSync(join(dir, glue), code);

const sheet = /<link rel="stylesheet" href="\.\/([^"]+\.css)"[^>]*>\n?/g;
const sheets = [...html.matchAll(sheet)].map((m) => m[1]);
if (sheets.length === 0) {
  console.error('minify: no stylesheet in index.html');
  process.exit(1);
}
const css = transform({ filename: 'offres.css', code: Buffer.concat(sheets.map((f) => readFileSync(join(dir, f)))), minify: true }).code;
const cssName = `offres-${createHash('sha256').update(css).digest('hex').slice(0, 16)}.css`;
const integrity = `sha384-${createHash('sha384').update(css).digest('base64')}`;
writeFileSync(join(dir, cssName), css);
sheets.forEach((f) => unlinkSync(join(dir, f)));
let first = true;
html = html.replace(sheet, () => {
  if (!first) return '';
  first = false;
  return `<link rel="stylesheet" href="./${cssName}" integrity="${integrity}">\n`;
});
writeFileSync(indexPath, html);
