// Offline: after one visit the board works with the network cut; a newer bundle is announced;
// a new deploy replaces the old caches without mixing files. Each test serves its own copy of the site (dist/, or SITE)
// (so that it can change the bundle and the worker) from a small static server.
import { test, expect } from '@playwright/test';
import { createServer } from 'node:http';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, extname } from 'node:path';
import { BoardPage, defaultBundle, expectNoViolations } from './pages/board-page.mjs';
import { SITE } from '../../playwright.config.mjs';

test.use({ serviceWorkers: 'allow' });

const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json' };

async function site() {
  const dir = mkdtempSync(join(tmpdir(), 'offres-offline-'));
  cpSync(SITE, dir, { recursive: true });
  const hits = new Map();
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    hits.set(path, (hits.get(path) || 0) + 1);
    const file = join(dir, path === '/' ? 'index.html' : path);
    if (!existsSync(file) || !statSync(file).isFile()) { res.writeHead(404); return res.end(); }
    res.writeHead(200, { 'content-type': types[extname(file)] || 'application/octet-stream', 'cache-control': 'no-cache' });
    res.end(readFileSync(file));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { dir, url: `http://127.0.0.1:${server.address().port}/`, hits: (path) => hits.get(path) || 0, close: () => server.close() };
}

/** Waits until the page is controlled by the service worker. */
async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, { timeout: 15_000 });
}

const open = defaultBundle().offers.filter((o) => o.status === 'open');

/** `bundle` as `offers build` writes it: in lines (docs/bundle-format.md, "One offer per line"). */
function inLines(bundle) {
  const { offers, ...head } = bundle;
  const first = JSON.stringify({ ...head, offers: [] }).slice(0, -2);
  return `${first}\n${offers.map((o) => JSON.stringify(o)).join(',\n')}\n]}\n`;
}

// The same bundle in format 2, its offers in columns (one block, one column per line), as
// `offers build` writes a large one (docs/bundle-format.md).
function inColumns(bundle) {
  const { offers, ...head } = bundle;
  const first = JSON.stringify({ ...head, format_version: 2, offer_columns: [] }).slice(0, -2);
  const keys = [...new Set(offers.flatMap(Object.keys))];
  const columns = keys.map((k) => `${JSON.stringify(k)}:${JSON.stringify(offers.map((o) => o[k] ?? null))}`);
  return `${first}\n{${columns.join(',\n')}}\n]}\n`;
}

test('after one visit, every offer and the filters work with the network cut', async ({ page, context }) => {
  const s = await site();
  const board = new BoardPage(page);
  await page.goto(s.url);
  await board.loaded();
  await controlled(page);
  await context.setOffline(true);
  await page.reload();
  await board.loaded();
  await expect(board.cards).toHaveCount(open.length);
  await board.search.fill('design');
  await expect(board.card('Chargée ou chargé de mission design des services numériques')).toHaveCount(1);
  await board.search.fill('');
  await board.facet('Famille de métiers').getByRole('checkbox', { name: /^Budget/ }).check();
  await expect(board.count).toHaveText('2 offres');
  await page.goto(`${s.url}?offre=recrutement-bin`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Recrutement pour l'équipe BIN");
  // The iframe's page too, with its own script.
  await page.goto(`${s.url}embed.html?famille=design`);
  await expect(board.cards).toHaveCount(3);
  expect(await page.locator('script[src="./embed.js"]').count()).toBe(1);
  await context.setOffline(false);
  s.close();
});

test('a newer bundle is announced, and shown on request', async ({ page }) => {
  const s = await site();
  const board = new BoardPage(page);
  await page.goto(s.url);
  await board.loaded();
  await controlled(page);
  // A new bundle is published.
  const bundle = JSON.parse(readFileSync(join(s.dir, 'offers.json'), 'utf8'));
  bundle.offers[0].title = 'Cheffe ou chef du Pôle Datalab (nouvelle version)';
  writeFileSync(join(s.dir, 'offers.json'), inLines(bundle));
  await page.reload();
  await board.loaded();
  // The cached bundle shows at once; the worker finds the new one behind it.
  await expect(board.card('Chef/fe du Pôle Datalab H/F')).toHaveCount(1);
  await expect(page.getByRole('status').filter({ hasText: 'Les offres ont été mises à jour.' })).toBeVisible();
  await expectNoViolations(page);
  await page.getByRole('button', { name: 'Afficher les nouvelles offres' }).click();
  await expect(board.card('Cheffe ou chef du Pôle Datalab (nouvelle version)')).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Afficher les nouvelles offres' })).toHaveCount(0);
  // Then one in columns (format 2, as a large bundle is published): kept and shown the same way.
  bundle.offers[0].title = 'Cheffe ou chef du Pôle Datalab (en colonnes)';
  writeFileSync(join(s.dir, 'offers.json'), inColumns(bundle));
  await page.reload();
  await board.loaded();
  await expect(board.card('Cheffe ou chef du Pôle Datalab (nouvelle version)')).toHaveCount(1);
  await page.getByRole('button', { name: 'Afficher les nouvelles offres' }).click();
  await expect(board.card('Cheffe ou chef du Pôle Datalab (en colonnes)')).toHaveCount(1);
  await expect(board.cards).toHaveCount(open.length);
  s.close();
});

test('a new deploy waits for the old pages to close, then removes the old caches', async ({ page, context }) => {
  const s = await site();
  await page.goto(s.url);
  await new BoardPage(page).loaded();
  await controlled(page);
  const shells = () => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('offres-shell-')).sort());
  const first = await shells();
  expect(first).toHaveLength(1);
  // Deploy: a new worker version (its precache is the same files here; the version differs).
  const sw = readFileSync(join(s.dir, 'sw.js'), 'utf8').replace(/const VERSION = '([0-9a-f]+)'/, "const VERSION = '$1-2'");
  writeFileSync(join(s.dir, 'sw.js'), sw);
  await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    await reg.update();
    await new Promise((resolve) => {
      const waiting = () => reg.waiting ? resolve() : setTimeout(waiting, 50);
      waiting();
    });
  });
  // The open page keeps the version it started with.
  expect(await shells()).toEqual([...first, `${first[0]}-2`].sort());
  const scriptURL = await page.evaluate(() => navigator.serviceWorker.controller.scriptURL);
  expect(scriptURL).toContain('sw.js');
  // Once no page uses the old version, the new one activates and the old cache is gone.
  // The browser learns that the closed page is gone a moment after `close()` resolves: a page
  // opened before it has would be a client of the old version, which then rightly stays (this
  // test used to hang 1 run in 10 that way). So the next page opens once the new version is
  // active, as Chromium's DevTools protocol reports it.
  const other = await context.newPage();
  const devtools = await context.newCDPSession(other);
  const status = new Map();
  devtools.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) status.set(v.versionId, v.status);
  });
  await devtools.send('ServiceWorker.enable');
  await expect.poll(() => [...status.values()].filter((st) => st === 'installed').length).toBe(1);
  const waiting = [...status].find(([, st]) => st === 'installed')[0];
  await page.close();
  await expect.poll(() => status.get(waiting), { timeout: 15_000 }).toBe('activated');
  await other.goto(s.url);
  await new BoardPage(other).loaded();
  await other.waitForFunction(async () => {
    const keys = (await caches.keys()).filter((k) => k.startsWith('offres-shell-'));
    return keys.length === 1 && keys[0].endsWith('-2');
  }, null, { timeout: 15_000 });
  s.close();
});

test('only a real bundle of this format replaces the cached one: not a captive portal\'s page, not another format', async ({ page, context }) => {
  const s = await site();
  const board = new BoardPage(page);
  await page.goto(s.url);
  await board.loaded();
  await controlled(page);
  const real = readFileSync(join(s.dir, 'offers.json'));
  const notices = page.getByRole('status').filter({ hasText: 'Les offres ont été mises à jour.' });
  const other = JSON.parse(real);
  other.format_version = 3;
  other.offers[0].title = 'Titre du format 3';
  // A captive portal answers every address with its own 200 page; then a bundle of a later
  // format, whole and in lines; then a new bundle cut off on its way (its first line, the only
  // one the worker parses, is right).
  const newer = JSON.parse(real);
  newer.offers[0].title = 'Titre coupé';
  const cut = inLines(newer);
  for (const replacement of ['<!doctype html><title>Wi-Fi</title><p>Connectez-vous', JSON.stringify(other), inLines(other),
    cut.slice(0, cut.lastIndexOf('\n]}') - 1)]) {
    writeFileSync(join(s.dir, 'offers.json'), replacement);
    const before = s.hits('/offers.json');
    await page.reload();
    await board.loaded();
    await expect(board.cards).toHaveCount(open.length);
    // The worker fetched the replacement behind the cached copy; what it does with the answer
    // takes a few milliseconds more.
    await expect.poll(() => s.hits('/offers.json')).toBeGreaterThan(before);
    await page.waitForTimeout(500);
    await expect(notices).toHaveCount(0);
    const cached = await page.evaluate(async () => {
      const cache = await caches.open((await caches.keys()).find((k) => k.startsWith('offres-data-')));
      return (await cache.match(new URL('offers.json', location.href).href)).text();
    });
    expect(cached).toBe(real.toString());
  }
  // And offline, the offers are still the real ones.
  await context.setOffline(true);
  await page.reload();
  await board.loaded();
  await expect(board.cards).toHaveCount(open.length);
  await expect(board.card('Titre du format 3')).toHaveCount(0);
  expect(await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('offres-data')))).toEqual(['offres-data-v2']);
  await context.setOffline(false);
  s.close();
});

test('each bundle address in the worker\'s scope has its own cached copy', async ({ page }) => {
  const s = await site();
  mkdirSync(join(s.dir, 'autre'));
  const second = JSON.parse(readFileSync(join(s.dir, 'offers.json'), 'utf8'));
  second.offers = second.offers.slice(0, 1);
  writeFileSync(join(s.dir, 'autre', 'offers.json'), JSON.stringify(second));
  await page.goto(s.url);
  await new BoardPage(page).loaded();
  await controlled(page);
  // A second board of the same origin (a widget's `src`, say) reads its own bundle, twice:
  // the second answer comes from the cache.
  const counts = await page.evaluate(async () => {
    const read = async (url) => (await (await fetch(url)).json()).offers.length;
    return [await read('autre/offers.json'), await read('offers.json'), await read('autre/offers.json'), await read('offers.json')];
  });
  const all = defaultBundle().offers.length;
  expect(counts).toEqual([1, all, 1, all]);
  const keys = await page.evaluate(async () => {
    const cache = await caches.open('offres-data-v2');
    return (await cache.keys()).map((r) => new URL(r.url).pathname).sort();
  });
  expect(keys).toEqual(['/autre/offers.json', '/offers.json']);
  s.close();
});

test('a worker whose index.html names files it does not list is not installed', async ({ page }) => {
  const s = await site();
  // As if the host's HTTP cache handed the worker an index.html of another build.
  const index = join(s.dir, 'index.html');
  const good = readFileSync(index, 'utf8');
  writeFileSync(index, good.replace('</head>', '<link rel="prefetch" href="./offres-0123456789abcdef_bg.wasm"></head>'));
  const board = new BoardPage(page);
  await page.goto(s.url);
  await board.loaded();
  const state = () => page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    return reg ? { installing: !!reg.installing, waiting: !!reg.waiting, active: !!reg.active } : null;
  });
  // The install ran and failed: nothing waits, nothing is active.
  await expect.poll(async () => JSON.stringify(await state()), { timeout: 15_000 }).toMatch(/^(null|\{"installing":false,"waiting":false,"active":false\})$/);
  expect(await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('offres-shell-')).length)).toBe(0);
  // With the right index.html, the next visit installs it.
  writeFileSync(index, good);
  await page.reload();
  await board.loaded();
  await controlled(page);
  s.close();
});

test('saved offers are kept and filtered with the network cut', async ({ page, context }) => {
  const s = await site();
  const board = new BoardPage(page);
  await page.goto(s.url);
  await board.loaded();
  await controlled(page);
  await page.getByRole('button', { name: "Sauvegarder : Recrutement pour l'équipe BIN", exact: true }).click();
  await context.setOffline(true);
  await page.goto(`${s.url}?sauvegardees=oui`);
  await board.loaded();
  await expect(board.cards).toHaveCount(1);
  await expect(board.card("Recrutement pour l'équipe BIN")).toHaveCount(1);
  await expect(page.getByRole('button', { name: "Sauvegarder : Recrutement pour l'équipe BIN", exact: true })).toHaveAttribute('aria-pressed', 'true');
  await context.setOffline(false);
  s.close();
});
