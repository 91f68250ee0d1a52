// National scale: 100 000 offers (`offers synth`, written as `offers build` writes a bundle: in
// lines, full texts apart) load without freezing the page. From navigation to the offers indexed,
// no task lasts over 50 ms (PerformanceObserver, `longtask`): the reading and the indexing are
// spread over many short tasks; then the board shows them, and search answers.
//
// The long tasks are measured in a Chromium that no DevTools client drives, as a visitor's
// browser has them, and that has finished starting (no-devtools.mjs says why).
//
// Up to the ninth session this test allowed two tasks of 50 to 100 ms: some loads had one, whose
// cause was not found while the page was the browser's first. A trace found it: the browser's own
// start-up page running beside it (no-devtools.mjs). 45 loads of a browser already started (10 000,
// 50 000 and 100 000 offers) had none.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { BoardPage } from './pages/board-page.mjs';
import { SITE } from '../../playwright.config.mjs';
import { describeTask, withoutDevTools } from './no-devtools.mjs';

const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json' };

// Long tasks are measured in wall time: a test beside it on the other core would lengthen them.
// scripts/test.sh runs this spec alone, after the others (OFFRES_SCALE=1 … --workers=1).
test.skip(!process.env.OFFRES_SCALE, 'run alone: OFFRES_SCALE=1 npx playwright test scale.spec.mjs --workers=1');

const N = 100_000;
const LONGEST = 50;
let dir;
let server;
const probe = withoutDevTools(SITE);
test.beforeAll(async () => {
  test.setTimeout(180_000);
  dir = mkdtempSync(join(tmpdir(), 'offres-scale-'));
  execFileSync('cargo', ['run', '-q', '-p', 'offers-cli', '--', 'synth', String(N), '--seed', '1', '--today', '2026-11-23', '-o', join(dir, 'offers.json')], { stdio: ['ignore', 'ignore', 'pipe'] });
  // Over HTTP, as a host sends it (the bundle compressed with brotli, 2.7 MB): the site under
  // test, with this bundle.
  const raw = readFileSync(join(dir, 'offers.json'));
  const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } });
  server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (probe.answer(req, res, path)) return;
    if (path === '/offers.json') {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'br' });
      return res.end(br);
    }
    const file = join(SITE, path === '/' ? 'index.html' : path);
    if (!existsSync(file) || !statSync(file).isFile()) { res.writeHead(404); return res.end(); }
    res.writeHead(200, { 'content-type': types[extname(file)] || 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
});
test.afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

// Two tests: the first asks for no page, so that Playwright's own browser is not started while
// the long tasks are measured (with it started beside the probe's, one load in five had a task
// of 54 ms as the reading went on; none in 60 loads without it).
test('100 000 offers load with no task over 50 ms', async () => {
  test.setTimeout(150_000);
  // In a Chromium with no DevTools client: the page reports its long tasks.
  const { tasks, frames, marks } = await probe.load(`http://127.0.0.1:${server.address().port}/`);
  const reading = marks['offres:reading'];
  const indexed = marks['offres:index'];
  // Reading and indexing 100 000 offers takes seconds: cut into tasks of a few milliseconds.
  expect(indexed - reading).toBeGreaterThan(500);
  // Every long task from navigation to the offers indexed (the observer's are all over 50 ms).
  const during = tasks.filter((t) => t.start < indexed);
  const shown = during.map((t) => `${Math.round(t.start)} +${Math.round(t.end - t.start)} ms`);
  const times = Object.entries(marks).map(([name, at]) => `${name} ${Math.round(at)}`);
  if (during.length) console.log(`tasks over ${LONGEST} ms while the page loads: ${shown.join(', ')} (${times.join(', ')}); what they were: ${during.map((t) => describeTask(t, frames)).join(' | ')}`);
  expect(Math.max(0, ...during.map((t) => t.end - t.start)), shown.join(', ')).toBeLessThanOrEqual(LONGEST);
});

test('100 000 offers: the board shows them, and its search answers', async ({ page }) => {
  test.setTimeout(150_000);
  // Under Playwright: the board shows them (a page: 24 cards), and its search answers.
  const board = new BoardPage(page);
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await expect(board.status).toHaveText(/^100\D?000 offres chargées$/, { timeout: 90_000 });
  await board.tookOver();
  await expect(board.cards).toHaveCount(24);
  await board.search.fill('zzzz');
  await expect(page.getByText('Aucune offre ne correspond à votre recherche.')).toBeVisible();
});
