// Lighthouse (npm lighthouse, Debian's Chromium) on the release build in dist/, served by nginx with
// deploy/nginx/offres.conf (brotli, caching and security headers, as in production), with
// Lighthouse's default mobile settings (emulated Moto G Power, slow 4G, 4× CPU slowdown).
//
// First paint: the board against the page it replaces, the original "Rejoignez-nous" page
// (../shared/seeds/001_*.txt) as the static HTML its site served (`cargo run -p offers-cli
// --example seed_page`), served the same way in the same run, RUNS times each (3; 1 with --ci).
// Prints each page's median LCP, FCP, TBT, CLS and bytes, and the LCP ratio board / seed page.
// Then the four category scores of the board, the accessibility statement and a static offer page.
//
// Targets (issue "The board on first paint"): LCP ratio at most 1.25; board performance 100 and
// TBT at most 50 ms; accessibility, best practices and SEO 100. Exit code 1 when one is missed.
// With --ci (scripts/test.sh), only accessibility, best practices and SEO are enforced: timings
// follow the machine's load (a busy 2-core CI runner is slower), the scores do not.
// Run: node scripts/bench-lighthouse.mjs [--ci]  (after `bash scripts/build.sh`).
import { spawn, execFileSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync, readdirSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const root = new URL('..', import.meta.url).pathname;
const CI = process.argv.includes('--ci');
const RUNS = CI ? 1 : 3;
if (!existsSync(join(root, 'dist/index.html'))) throw new Error('no dist/: run bash scripts/build.sh first');

// The seed page, as static HTML with its stylesheet beside it (the CSP forbids inline styles),
// precompressed like the board's files.
const seedsDir = join(root, '../shared/seeds');
const seedFile = join(seedsDir, readdirSync(seedsDir).find((f) => f.startsWith('001_')));
const seedSite = mkdtempSync(join(tmpdir(), 'offres-seed-'));
chmodSync(seedSite, 0o755); // nginx's workers read it
let seedHtml = execFileSync('cargo', ['run', '-q', '-p', 'offers-cli', '--example', 'seed_page', '--', seedFile], { cwd: root, encoding: 'utf8' });
const style = seedHtml.match(/<style>([\s\S]*?)<\/style>/)[1];
seedHtml = seedHtml.replace(/<style>[\s\S]*?<\/style>/, '<link rel="stylesheet" href="seed.css">');
for (const [name, text] of [['index.html', seedHtml], ['seed.css', style]]) {
  writeFileSync(join(seedSite, name), text);
  writeFileSync(join(seedSite, `${name}.br`), brotliCompressSync(Buffer.from(text), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
}

const servers = [];
async function serve(port, site) {
  const nginx = spawn('bash', [join(root, 'scripts/nginx-test.sh'), String(port), String(port + 1)],
    { stdio: 'ignore', detached: true, env: { ...process.env, SITE: site } });
  servers.push(nginx);
  for (let i = 0; i < 100; i++) {
    try { execFileSync('curl', ['-sf', '-o', '/dev/null', `http://127.0.0.1:${port}/index.html`]); return; } catch { await new Promise((r) => setTimeout(r, 100)); }
  }
  throw new Error(`nginx on ${port} did not start`);
}
process.on('exit', () => {
  for (const s of servers) { try { process.kill(-s.pid); } catch { /* already gone */ } }
  rmSync(seedSite, { recursive: true, force: true });
});
const BOARD = 4185; const SEED = 4187;
await serve(BOARD, join(root, 'dist'));
await serve(SEED, seedSite);

const lighthouse = join(root, 'node_modules/.bin/lighthouse');
function run(url) {
  const dir = mkdtempSync(join(tmpdir(), 'offres-lh-'));
  const report = join(dir, 'report.json');
  execFileSync(lighthouse, [url, '--quiet', '--output=json', `--output-path=${report}`,
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking'],
  { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM || '/usr/bin/chromium' }, stdio: ['ignore', 'ignore', 'inherit'] });
  const lhr = JSON.parse(readFileSync(report, 'utf8'));
  rmSync(dir, { recursive: true });
  return lhr;
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const metric = (lhr, id) => lhr.audits[id].numericValue;

// 1. First paint, the board against the seed page, runs interleaved so both see the same machine.
const first = { board: [], 'seed page': [] };
for (let i = 0; i < RUNS; i++) {
  first.board.push(run(`http://127.0.0.1:${BOARD}/`));
  first['seed page'].push(run(`http://127.0.0.1:${SEED}/`));
}
let failed = false;
const miss = (what) => { console.log(`  below target: ${what}`); if (!CI) failed = true; };
console.log(`first paint, mobile, median of ${RUNS} run(s)`);
console.log(`${'page'.padEnd(12)}${['LCP ms', 'FCP ms', 'TBT ms', 'CLS', 'bytes', 'perf'].map((h) => h.padStart(10)).join('')}`);
const lcp = {};
for (const [name, lhrs] of Object.entries(first)) {
  const m = (id) => median(lhrs.map((l) => metric(l, id)));
  lcp[name] = m('largest-contentful-paint');
  const row = [lcp[name], m('first-contentful-paint'), m('total-blocking-time')].map((v) => Math.round(v))
    .concat([m('cumulative-layout-shift').toFixed(3), Math.round(m('total-byte-weight')), median(lhrs.map((l) => Math.round(l.categories.performance.score * 100)))]);
  console.log(`${name.padEnd(12)}${row.map((v) => String(v).padStart(10)).join('')}`);
}
const ratio = lcp.board / lcp['seed page'];
console.log(`LCP ratio board / seed page: ${ratio.toFixed(2)} (target at most 1.25)`);
if (ratio > 1.25) miss('LCP ratio');
const boardTbt = median(first.board.map((l) => metric(l, 'total-blocking-time')));
if (boardTbt > 50) miss(`board TBT ${Math.round(boardTbt)} ms (target at most 50 ms)`);

// 2. Scores.
const TARGETS = { performance: 100, accessibility: 100, 'best-practices': 100, seo: 100 };
const ENFORCED = CI ? ['accessibility', 'best-practices', 'seo'] : Object.keys(TARGETS);
const pages = { board: first.board[0], 'accessibility statement': 'accessibilite.html', 'offer page (static)': 'offres/recrutement-bin.html' };
console.log(`\n${'page'.padEnd(28)}${Object.keys(TARGETS).map((k) => k.padStart(16)).join('')}`);
for (const [name, page] of Object.entries(pages)) {
  const lhr = typeof page === 'string' ? run(`http://127.0.0.1:${BOARD}/${page}`) : page;
  const scores = Object.keys(TARGETS).map((k) => Math.round(lhr.categories[k].score * 100));
  console.log(`${name.padEnd(28)}${scores.map((s) => String(s).padStart(16)).join('')}`);
  Object.keys(TARGETS).forEach((k, i) => {
    if (scores[i] >= TARGETS[k]) return;
    const audits = lhr.categories[k].auditRefs.filter((a) => a.weight > 0 && lhr.audits[a.id].score !== null && lhr.audits[a.id].score < 1);
    for (const a of audits) console.log(`  ${k}: ${a.id} (${lhr.audits[a.id].score}) ${lhr.audits[a.id].displayValue || ''}`);
    if (ENFORCED.includes(k)) { failed = true; console.log(`  below target: ${name} ${k}`); }
  });
}
if (failed) console.log('bench-lighthouse: below target');
// The nginx servers are children: exit explicitly (the 'exit' handler stops them).
process.exit(failed ? 1 : 0);
