// In-browser benchmark (Playwright + Debian's Chromium) of the release build in dist/ with
// `offers synth` bundles of 10,000, 50,000 and 100,000 offers as `offers build` writes them (the
// list in lines, its offers in columns, the full texts apart in textes/), served with brotli as a host serves them
// (dist/'s precompressed files; the bundle's files compressed here at the qualities `offers site`
// gives them, crates/offers-cli/src/site/compress.rs: the list 11 up to 1 MiB and 10 above, the
// text files 5). For each size it prints
// (issue "National scale"):
// - bytes transferred until the board is usable (every response's encoded body, until the first
//   card of the bundle is shown and the search box answers);
// - time to the first card (the app's board in the place of the one rendered at build time), with
//   the bundle's fetch, parse and index marks;
// - the longest task during load (PerformanceObserver, `longtask`), in a Chromium that no DevTools
//   client drives, as a visitor's browser has them (tests/e2e/no-devtools.mjs says why); over 50 ms,
//   what it was (the long animation frame that holds it: its scripts, its style and layout);
// - keystroke → next frame, median and p95: from the input event to the next animation frame
//   (typing "ingenieur data" letter by letter, then erasing it, three times, as a typist does:
//   each key 20 to 109 ms after the last, at any point of the display's beat), and keystroke →
//   list made for it (the first task after that frame: the board makes it there), p95, and
//   → list on screen (the frame after that), p95;
// - the same keys each typed at a fixed point of a frame (0 to 14 ms after it starts), as while
//   the page shows frames anyway: the key then waits for the display's next beat, up to 16.7 ms
//   even with no work at all; → frame and → list p95, and how many keys' frames came more than
//   2 ms after that beat (the beats: the frames' timestamps and their interval, measured in the
//   page): 0 is a board that shows every key at the next beat;
// - the same keys, both ways, into a bare input that nothing listens to: the floor;
// - JS heap, and the WebAssembly module's memory.
// The targets are printed beside the figures. A benchmark, not a test: it exits 1 only
// when keystroke → list p95 at 10,000 offers passes 16 ms (the budget kept from issue 6).
// Run: node scripts/bench-browser.mjs [sizes…]  (after `bash scripts/build.sh` and
// `cargo build --profile cli -p offers-cli`); DIST=dir to measure another build than dist/.
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { readFileSync, existsSync, statSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { chromium } from 'playwright-core';
import { describeTask, withoutDevTools } from '../tests/e2e/no-devtools.mjs';

const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const SIZES = sizes.length ? sizes : [10000, 50000, 100000];
const root = new URL('..', import.meta.url).pathname;
const dist = process.env.DIST || join(root, 'dist');
if (!existsSync(join(dist, 'index.html'))) throw new Error('no dist/: run bash scripts/build.sh first');

const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json' };
const brotli = (raw, quality) => brotliCompressSync(raw, {
  params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
});
let bundle = Buffer.alloc(0);
let bundleDir = '';
const probe = withoutDevTools(dist);
const server = createServer((req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  if (probe.answer(req, res, path)) return;
  const br = /\bbr\b/.test(req.headers['accept-encoding'] || '');
  if (path.endsWith('/offers.json')) {
    res.writeHead(200, { 'content-type': 'application/json', ...(br && { 'content-encoding': 'br' }) });
    return res.end(br ? bundle.br : bundle.raw);
  }
  if (path.startsWith('/textes/') && existsSync(join(bundleDir, path))) {
    const raw = readFileSync(join(bundleDir, path));
    res.writeHead(200, { 'content-type': 'application/json', ...(br && { 'content-encoding': 'br' }) });
    return res.end(br ? brotli(raw, 5) : raw);
  }
  const file = join(dist, path === '/' ? 'index.html' : path);
  if (!file.startsWith(dist) || !existsSync(file) || !statSync(file).isFile()) { res.writeHead(404); return res.end(); }
  const type = types[extname(file)] || 'application/octet-stream';
  if (br && existsSync(`${file}.br`)) {
    res.writeHead(200, { 'content-type': type, 'content-encoding': 'br' });
    return res.end(readFileSync(`${file}.br`));
  }
  res.writeHead(200, { 'content-type': type });
  res.end(readFileSync(file));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--enable-precise-memory-info'],
});
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
const TARGETS = {
  10000: 'usable <= 300 KB, key p95 <= 12 ms',
  50000: 'first card <= 2.5 s, longest task <= 50 ms',
  100000: 'usable <= 2 MB, first card <= 4 s, longest task <= 50 ms, key p95 <= 16 ms',
};
const rows = [];
// Keys whose frame came more than 2 ms after the beat they were due at (see above).
const late = (lateness) => lateness.filter((t) => t > 2).length;
let status = 0;
// Typing "ingenieur data" letter by letter into `selector`, then erasing it, three times: 84 keys,
// so that the p95 is the fifth slowest key rather than the second. Two ways (`mode`):
// - 'typist': each key 20 to 109 ms after the last one, whatever the frames do, as a visitor types
//   into a page at rest. Chromium then starts a frame as soon as a key asks for one, so that the
//   wait for the display's beat is at most what the page's work makes it;
// - 'frame': each key at a fixed point of a frame (0 to 14 ms after it starts), as while the page
//   shows frames anyway (an animation, a scroll): the key waits for the next beat, up to 16.7 ms
//   even with no work at all; and how late after that beat its frame came.
// For each key: to the next animation frame; to the list made for it, the first task after that
// frame (the board makes a key's list in a task of its own after the key's frame: `SearchBox`);
// typing as a typist, to the list on screen, the frame after that. Runs in the page.
async function typing([selector, mode]) {
  const input = document.querySelector(selector);
  // An animation frame: its beat (the frame's timestamp) and when its callbacks run.
  const frame = () => new Promise((r) => requestAnimationFrame((beat) => r({ beat, now: performance.now() })));
  const nextTask = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = () => r(); c.port2.postMessage(0); });
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const result = { updated: [], shown: [], framed: [], lateness: [] };
  // The display's beat: the median of 30 intervals between frames' timestamps.
  const beats = [];
  for (let i = 0, last = (await frame()).beat; i < 30; i++) {
    const { beat } = await frame();
    beats.push(beat - last);
    last = beat;
  }
  const interval = beats.sort((a, b) => a - b)[15];
  let k = 0;
  const type = async (value) => {
    let before;
    if (mode === 'frame') {
      before = (await frame()).beat;
      await sleep((k++ * 7) % 15);
    } else {
      await sleep(20 + ((k++ * 37) % 90));
    }
    const t0 = performance.now();
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await frame().then(({ now }) => {
      result.framed.push(now - t0);
      // The first beat after the key, and how long after it the key's frame ran.
      if (before !== undefined) result.lateness.push(now - (before + interval * Math.max(1, Math.ceil((t0 - before) / interval))));
      return nextTask();
    });
    result.updated.push(performance.now() - t0);
    // The list on screen: the next frame (typing as a typist only: a frame more before the next
    // key would change the pace of the frames that the other way types after).
    if (mode !== 'frame') result.shown.push((await frame()).now - t0);
    await sleep(30);
  };
  const text = 'ingenieur data';
  for (let round = 0; round < 3; round++) {
    for (let i = 1; i <= text.length; i++) await type(text.slice(0, i));
    for (let i = text.length - 1; i >= 0; i--) await type(text.slice(0, i));
  }
  return result;
}

for (const n of SIZES) {
  bundleDir = mkdtempSync(join(tmpdir(), 'offres-bench-'));
  execFileSync(join(root, 'target/cli/offers'), ['synth', String(n), '--seed', '1', '-o', join(bundleDir, 'offers.json')]);
  const raw = readFileSync(join(bundleDir, 'offers.json'));
  bundle = { raw, br: brotli(raw, raw.length <= 1 << 20 ? 11 : 10) };
  // No service worker: every byte comes from the network, as on a first visit.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const responses = [];
  page.on('requestfinished', (request) => responses.push(request.sizes().then((s) => s.responseBodySize).catch(() => 0)));
  await page.goto(base);
  // The page paints the board rendered at build time (the default bundle's) at once; usable is
  // the app's board of the synthetic bundle, with its search box answering.
  await page.locator('#offres[data-app="ready"]').waitFor({ timeout: 600_000 });
  const firstCard = await page.evaluate(() => performance.getEntriesByName('offres:take-over')[0].startTime);
  await page.locator('#offres-recherche').fill('zzzz');
  await page.getByText('Aucune offre ne correspond à votre recherche.').waitFor();
  await page.locator('#offres-recherche').fill('');
  const usableBytes = (await Promise.all(responses)).reduce((a, b) => a + b, 0);
  // The longest task while the page loads, in a Chromium with no DevTools client.
  const { tasks, frames } = await probe.load(base, 600_000);
  const longest = tasks.reduce((a, t) => (t.end - t.start > a.duration ? { duration: t.end - t.start, startTime: t.start } : a), { duration: 0, startTime: 0 });
  if (longest.duration > 50) {
    const task = { start: longest.startTime, end: longest.startTime + longest.duration };
    console.log(`${n} offers: the longest task (${Math.round(longest.duration)} ms at ${Math.round(longest.startTime)} ms): ${describeTask(task, frames)}`);
  }
  const marks = await page.evaluate(() => Object.fromEntries(['offres:fetched', 'offres:parsed', 'offres:index', 'offres:take-over']
    .map((m) => [m, performance.getEntriesByName(m)[0]?.startTime])));
  const typist = await page.evaluate(typing, ['#offres-recherche', 'typist']);
  const framing = await page.evaluate(typing, ['#offres-recherche', 'frame']);
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  // The module's memory: every WebAssembly.Memory in the page's heap.
  await cdp.send('Runtime.enable');
  const proto = await cdp.send('Runtime.evaluate', { expression: 'WebAssembly.Memory.prototype' });
  const found = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.result.objectId });
  const wasmBytes = await cdp.send('Runtime.callFunctionOn', {
    objectId: found.objects.objectId,
    functionDeclaration: 'function () { return this.reduce((a, m) => a + m.buffer.byteLength, 0); }',
    returnByValue: true,
  });
  const row = {
    offers: n,
    'bundle MB (br KB)': `${(raw.length / 1e6).toFixed(1)} (${Math.round(bundle.br.length / 1024)})`,
    'usable KB': Math.round(usableBytes / 1024),
    'parsed ms': Math.round(marks['offres:parsed']),
    'index ms': Math.round(marks['offres:index']),
    'first card ms': Math.round(firstCard),
    'longest task ms': Math.round(longest.duration),
    'longest at ms': Math.round(longest.startTime),
    'key→frame median': +pct(typist.framed, 0.5).toFixed(1),
    'key→frame p95': +pct(typist.framed, 0.95).toFixed(1),
    'key→list p95 (shown)': `${pct(typist.updated, 0.95).toFixed(1)} (${pct(typist.shown, 0.95).toFixed(1)})`,
    'keys after a frame: →frame, →list p95; late': `${pct(framing.framed, 0.95).toFixed(1)}, ${pct(framing.updated, 0.95).toFixed(1)}; ${late(framing.lateness)} of ${framing.lateness.length}`,
    'JS heap MB': +(metrics.JSHeapUsedSize / 1e6).toFixed(1),
    'wasm MB': +(wasmBytes.result.value / 1e6).toFixed(1),
    targets: TARGETS[n] || '',
  };
  rows.push(row);
  if (n === 10000 && pct(typist.updated, 0.95) > 16) status = 1;
  await context.close();
  rmSync(bundleDir, { recursive: true, force: true });
}
console.table(rows);
console.log('times from navigation start; this 2-core machine; first visit (no service worker)');
// The floor of key → next frame: the same keys into a bare input that nothing listens to. The
// next frame comes at the display's next beat, up to a frame interval (16.7 ms) after the key.
{
  const page = await browser.newPage();
  await page.setContent('<input id="bare">');
  const typist = await page.evaluate(typing, ['#bare', 'typist']);
  const framing = await page.evaluate(typing, ['#bare', 'frame']);
  console.log(`key → next frame with no work at all (a bare input, the same keys): typed as a typist, median ${pct(typist.framed, 0.5).toFixed(1)} ms, p95 ${pct(typist.framed, 0.95).toFixed(1)} ms; each key after a frame, p95 ${pct(framing.framed, 0.95).toFixed(1)} ms, ${late(framing.lateness)} of ${framing.lateness.length} keys late (the latest ${Math.max(...framing.lateness).toFixed(1)} ms after its beat)`);
  await page.close();
}
await browser.close();
server.close();
process.exit(status);
