// Trunk post_build hook (Trunk.toml): makes the build deployable as-is on a static host.
// 1. The first paint needs only index.html and the stylesheet (the board is in index.html): the
//    module is fetched once the page has loaded and painted, never before (trunk's preloads go;
//    the start script, inline, imports it after the load event and the first contentful paint).
// 2. Strict CSP: trunk's inline start script, which names this build's files, is replaced by
//    scripts/start-template.js, the same for every build, whose hash the CSP allows (the build
//    fails when deploy/nginx/security-headers.conf does not); the names go into a <meta>.
// 3. Minification, for bytes (trunk's own minifier fails on wasm-bindgen's glue and rewrites the
//    HTML this script edits): the glue with terser; the stylesheets, in their order, into one
//    file with lightningcss (one request instead of four). Integrity hashes follow.
// 4. The app's components rendered at build time (`offres-render`, natively, `ssr` feature): the
//    board for its default address inside index.html's <main> (what the visitor sees first, with
//    or without JavaScript; the app takes its place when it runs), a static page per open offer
//    with a full text (JSON-LD JobPosting, Open Graph), sitemap.xml and robots.txt; the
//    accessibility statement gets the stylesheet.
// 5. The iframe embedding (embed.html, embed.js, iframe-resize.js).
// 6. Offline: sw.js from scripts/sw-template.js, with the list of this build's files and a version
//    derived from them; the start script registers it and relays its "bundle updated" message.
// 7. The widget: widget.js from scripts/widget-template.js.
// 8. Precompression: a .gz (gzip -9) and a .br (brotli 11) beside every text asset, for hosts that
//    serve them as they are (nginx gzip_static / brotli_static, most CDNs). Node's own zlib.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { join, extname } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { minify } from 'terser';
import { transform } from 'lightningcss';

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2] || 'dist';
// Where the site is published: the sitemap and Open Graph need absolute addresses. The default is
// the address of the seed page the default bundle comes from; deployments set their own.
const SITE_URL = (process.env.OFFRES_SITE_URL || 'https://www.numerique.gouv.fr/rejoignez-nous/').replace(/\/?$/, '/');
const indexPath = join(dir, 'index.html');
let html = readFileSync(indexPath, 'utf8');
const inline = /<script type="module">([\s\S]*?)<\/script>/;
const match = html.match(inline);
// trunk's start (`import init from './offres-….js'; await init({ module_or_path: '…_bg.wasm' })`)
// gives way to scripts/start-template.js, inline, whose hash the CSP allows; the module's names go
// into a <meta> it reads.
const trunkStart = /import init, \* as bindings from '(\.\/offres-[0-9a-f]+\.js)';\s*const wasm = await init\(\{ module_or_path: '(\.\/offres-[0-9a-f]+_bg\.wasm)' \}\);/;
const parts = match && match[1].match(trunkStart);
if (!parts) {
  console.error(`postbuild: trunk's start script has changed:\n${match && match[1]}`);
  process.exit(1);
}
const root = new URL('..', import.meta.url).pathname;
// The names the app shares with these scripts, written once in src/shared_names.rs.
const shared = Object.fromEntries([...readFileSync(join(root, 'src/shared_names.rs'), 'utf8')
  .matchAll(/^pub const ([A-Z_]+): &str = "([^"]*)";$/gm)].map((m) => [m[1], m[2]]));
/** A script of scripts/ with its `__NAME__` placeholders filled (shared names, then `values`). */
function template(file, values = {}) {
  const all = { ...shared, ...values };
  return readFileSync(join(root, 'scripts', file), 'utf8').replace(/__([A-Z_]+)__/g, (placeholder, name) => {
    if (!(name in all)) {
      console.error(`postbuild: scripts/${file}: unknown placeholder ${placeholder}`);
      process.exit(1);
    }
    return all[name];
  });
}
const START = template('start-template.js').trim();
const startHash = `'sha256-${createHash('sha256').update(START).digest('base64')}'`;
const headers = readFileSync(join(root, 'deploy/nginx/security-headers.conf'), 'utf8');
if (!headers.includes(startHash)) {
  console.error(`postbuild: the CSP in deploy/nginx/security-headers.conf (and docs/deploy.md) must allow the start script: script-src … ${startHash}`);
  process.exit(1);
}
html = html.replace(inline, `<meta name="offres-module" content="${parts[1]} ${parts[2]}">\n<script>${START}</script>`);
writeFileSync(indexPath, html);
if ((html.match(/<script(?![^>]*\bsrc=)[^>]*>/g) || []).length !== 1) {
  console.error('postbuild: index.html has an inline script other than the start script');
  process.exit(1);
}

const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
// The module's two files, as trunk's start named them (its preloads, which named them too, go below).
const [glue, wasmFile] = [parts[1], parts[2]].map((name) => name.slice(2));
const minified = (await minify(readFileSync(join(dir, glue), 'utf8'), { module: true, compress: true, mangle: true })).code;
writeFileSync(join(dir, glue), minified);
const sheet = /<link rel="stylesheet" href="\.\/([^"]+\.css)"[^>]*>\n?/g;
const sheets = [...html.matchAll(sheet)].map((m) => m[1]);
const css = transform({ filename: 'offres.css', code: Buffer.concat(sheets.map((f) => readFileSync(join(dir, f)))), minify: true }).code;
const cssName = `offres-${createHash('sha256').update(css).digest('hex').slice(0, 16)}.css`;
const cssLink = `<link rel="stylesheet" href="./${cssName}" integrity="${sri(css)}">`;
writeFileSync(join(dir, cssName), css);
sheets.forEach((f) => unlinkSync(join(dir, f)));
let first = true;
html = html.replace(sheet, () => {
  if (!first) return '';
  first = false;
  return `${cssLink}\n`;
});
// (`__SITE_URL__` is replaced by offres-render, which checks the address and escapes it.)

// 1. The module's preloads (trunk puts them before the stylesheet, at high priority) go: the start
//    script fetches the module after the load event.
const preloads = [...html.matchAll(/<link rel="(?:modulepreload|preload)"[^>]*>\n?/g)].map((m) => m[0]);
if (preloads.length !== 2) {
  console.error(`postbuild: expected trunk's two preloads (glue and wasm), found ${preloads.length}`);
  process.exit(1);
}
for (const p of preloads) html = html.replace(p, '');
writeFileSync(indexPath, html);

// 4. The board and the offer pages, by the app's components; search engines; the statement's style.
execFileSync('cargo', ['run', '-q', '-p', 'offres', '--bin', 'offres-render', '--no-default-features', '--features', 'ssr', '--',
  dir, '--site-url', SITE_URL, '--style', cssName], { stdio: 'inherit' });
html = readFileSync(indexPath, 'utf8');
const statement = join(dir, 'accessibilite.html');
writeFileSync(statement, readFileSync(statement, 'utf8').replace('<!-- offres:styles -->', cssLink));

// 5. The iframe embedding: embed.html is the board plus embed.js (reports its height);
//    iframe-resize.js is for the host page.
writeFileSync(join(dir, 'embed.js'), template('embed-template.js'));
writeFileSync(join(dir, 'iframe-resize.js'), template('iframe-resize-template.js'));
writeFileSync(join(dir, 'embed.html'), html.replace('</head>', '<script type="module" src="./embed.js"></script></head>'));

const files = readdirSync(dir).filter((f) => statSync(join(dir, f)).isFile() && !/\.(br|gz)$/.test(f) && !['sw.js', 'offers.json', 'widget.js', 'iframe-resize.js', 'sitemap.xml', 'robots.txt'].includes(f));
const precache = ['./', ...files.sort()];
const version = createHash('sha256').update(files.map((f) => f + ':' + createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')).join('\n')).digest('hex').slice(0, 16);
// The bundle format the app reads, from the one place that defines it.
const formatVersion = readFileSync(join(root, 'crates/offers-core/src/model.rs'), 'utf8').match(/pub const FORMAT_VERSION: u64 = (\d+);/)?.[1];
if (!formatVersion) {
  console.error('postbuild: FORMAT_VERSION not found in crates/offers-core/src/model.rs');
  process.exit(1);
}
const sw = template('sw-template.js', { VERSION: version, FORMAT_VERSION: formatVersion, PRECACHE: JSON.stringify(precache) });
writeFileSync(join(dir, 'sw.js'), sw);

// 7. The widget: widget.js defines <offres-emploi>, loading this build's code and styles into a
//    shadow root (names resolved against widget.js itself, so it works from any origin).
const styles = [...html.matchAll(/<link rel="stylesheet" href="\.\/([^"]+\.css)"/g)].map((m) => m[1]);
const widget = template('widget-template.js', { STYLES: JSON.stringify(styles), CODE: JSON.stringify(`./${glue}`), WASM: JSON.stringify(`./${wasmFile}`) });
writeFileSync(join(dir, 'widget.js'), widget);

const TEXT = new Set(['.html', '.js', '.css', '.wasm', '.json', '.atom', '.xml', '.svg', '.txt', '.webmanifest']);
for (const file of [...readdirSync(dir), ...['offres', 'feeds'].flatMap((sub) => readdirSync(join(dir, sub)).map((f) => join(sub, f)))]) {
  const path = join(dir, file);
  if (!statSync(path).isFile() || !TEXT.has(extname(file))) continue;
  const raw = readFileSync(path);
  const gz = gzipSync(raw, { level: 9 });
  const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } });
  if (gz.length < raw.length) writeFileSync(`${path}.gz`, gz);
  if (br.length < raw.length) writeFileSync(`${path}.br`, br);
}
