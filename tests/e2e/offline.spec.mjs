// Offline: after one visit the board works with the network cut; a newer bundle is announced;
// a new deploy replaces the old caches without mixing files. Each test serves its own copy of dist/
// (so that it can change the bundle and the worker) from a small static server.
import { test, expect } from '@playwright/test';
import { createServer } from 'node:http';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, extname } from 'node:path';
import { BoardPage, defaultBundle, expectNoViolations } from './pages/board-page.mjs';

test.use({ serviceWorkers: 'allow' });

const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json' };

async function site() {
  const dir = mkdtempSync(join(tmpdir(), 'offres-offline-'));
  cpSync(new URL('../../dist', import.meta.url).pathname, dir, { recursive: true });
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const file = join(dir, path === '/' ? 'index.html' : path);
    if (!existsSync(file) || !statSync(file).isFile()) { res.writeHead(404); return res.end(); }
    res.writeHead(200, { 'content-type': types[extname(file)] || 'application/octet-stream', 'cache-control': 'no-cache' });
    res.end(readFileSync(file));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { dir, url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}

/** Waits until the page is controlled by the service worker. */
async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, { timeout: 15_000 });
}

const open = defaultBundle().offers.filter((o) => o.status === 'open');

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
  writeFileSync(join(s.dir, 'offers.json'), JSON.stringify(bundle));
  await page.reload();
  await board.loaded();
  // The cached bundle shows at once; the worker finds the new one behind it.
  await expect(board.card('Chef/fe du Pôle Datalab H/F')).toHaveCount(1);
  await expect(page.getByRole('status').filter({ hasText: 'Les offres ont été mises à jour.' })).toBeVisible();
  await expectNoViolations(page);
  await page.getByRole('button', { name: 'Afficher les nouvelles offres' }).click();
  await expect(board.card('Cheffe ou chef du Pôle Datalab (nouvelle version)')).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Afficher les nouvelles offres' })).toHaveCount(0);
  s.close();
});

// Seen once in a clean CI-like run (1 in ~10 runs of this spec): the navigation right after the
// last old page closes hung until the test's timeout, while the waiting worker activated. Not
// reproduced since, even with both cores loaded; one retry and more time until it is understood.
test.describe(() => {
  test.describe.configure({ retries: 1, timeout: 60_000 });
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
  const other = await context.newPage();
  await page.close();
  await other.goto(s.url);
  await new BoardPage(other).loaded();
  await other.waitForFunction(async () => {
    const keys = (await caches.keys()).filter((k) => k.startsWith('offres-shell-'));
    return keys.length === 1 && keys[0].endsWith('-2');
  }, null, { timeout: 15_000 });
  s.close();
});
});
