// A large bundle keeps its full texts apart (textes/*.json beside offers.json): the board loads
// the list alone, an offer's page fetches its text when it opens (with a message and a retry when
// it cannot), and offline, once the page has been idle, every offer's page opens. The site is
// written by `offers site` (the app of the site under test) from an `offers synth` bundle of 400
// offers, whose texts (about 340 KB) are over the split threshold; each test serves its own copy.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, extname } from 'node:path';
import { BoardPage, expectNoViolations } from './pages/board-page.mjs';
import { SITE } from '../../playwright.config.mjs';

const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json' };

let built;
test.beforeAll(() => {
  built = mkdtempSync(join(tmpdir(), 'offres-texts-'));
  const today = new Date().toISOString().slice(0, 10);
  const offers = (...args) => execFileSync('cargo', ['run', '-q', '-p', 'offers-cli', '--', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  offers('synth', '400', '--seed', '3', '--today', today, '-o', join(built, 'in', 'offers.json'));
  offers('site', join(built, 'in', 'offers.json'), '--app', SITE, '-o', join(built, 'site'), '--site-url', 'https://offres.example.gouv.fr/', '--today', today);
});

async function site() {
  const dir = mkdtempSync(join(tmpdir(), 'offres-texts-site-'));
  cpSync(join(built, 'site'), dir, { recursive: true });
  const hits = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    hits.push(path);
    const file = join(dir, path === '/' ? 'index.html' : path);
    if (!existsSync(file) || !statSync(file).isFile()) { res.writeHead(404); return res.end(); }
    res.writeHead(200, { 'content-type': types[extname(file)] || 'application/octet-stream', 'cache-control': 'no-cache' });
    res.end(readFileSync(file));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const bundle = JSON.parse(readFileSync(join(dir, 'offers.json'), 'utf8'));
  /** An offer's text, as its text file holds it. */
  const text = (offer) => JSON.parse(readFileSync(join(dir, bundle.text_files[offer.text_file]), 'utf8'))
    .texts.find((t) => t.id === offer.id).description;
  return { dir, bundle, text, url: `http://127.0.0.1:${server.address().port}/`, texts: () => hits.filter((p) => p.includes('/textes/')), close: () => server.close() };
}

/** The first paragraph's text of a description (blocks as the bundle format writes them). */
const firstParagraph = (doc) => doc.find((b) => b.paragraph).paragraph.map((i) => i.text ?? '').join('');

test('the list comes without the full texts; an offer\'s page fetches its own text file', async ({ page }) => {
  const s = await site();
  expect(s.bundle.text_files.length).toBeGreaterThan(3);
  expect(s.bundle.offers.every((o) => o.description === undefined && Number.isInteger(o.text_file))).toBe(true);
  expect(readdirSync(join(s.dir, 'textes')).filter((n) => n.endsWith('.json')).sort())
    .toEqual(s.bundle.text_files.map((n) => n.replace('textes/', '')).sort());
  const board = new BoardPage(page);
  await page.goto(s.url);
  await board.loaded();
  await expect(board.status).toHaveText('400 offres chargées');
  expect(s.texts()).toEqual([]);
  // Opening an offer from its card (its title links to its page): its text, from its file only.
  await board.cards.first().locator('.offres-panel__link').click();
  await expect(page).toHaveURL(/\?offre=/);
  const id = new URL(page.url()).searchParams.get('offre');
  const offer = s.bundle.offers.find((o) => o.id === id);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(offer.title);
  await expect(page.locator('.offres-offer__description')).toContainText(firstParagraph(s.text(offer)));
  expect(s.texts()).toEqual([`/${s.bundle.text_files[offer.text_file]}`]);
  await expectNoViolations(page);
  s.close();
});

test('a text that cannot be fetched says so, and comes on retry', async ({ page }) => {
  const s = await site();
  const offer = s.bundle.offers[7];
  await page.route('**/textes/*.json', (route) => route.abort());
  await page.goto(`${s.url}?offre=${offer.id}`);
  const board = new BoardPage(page);
  await board.tookOver();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(offer.title);
  await expect(board.alert).toHaveText(/Le texte de l'offre n'a pas pu être chargé/);
  // The rest of the page is there: the facts and how to apply.
  await expect(page.getByRole('heading', { name: 'Pour candidater' })).toBeVisible();
  await expectNoViolations(page);
  await page.unroute('**/textes/*.json');
  await board.retry.click();
  await expect(page.locator('.offres-offer__description')).toContainText(firstParagraph(s.text(offer)));
  await expect(board.alert).toHaveCount(0);
  s.close();
});

test.describe('offline', () => {
  test.use({ serviceWorkers: 'allow' });

  test('once the page has been idle, every offer\'s text opens offline', async ({ page, context }) => {
    const s = await site();
    const board = new BoardPage(page);
    await page.goto(s.url);
    await board.loaded();
    await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, { timeout: 15_000 });
    // The worker keeps the text files in the background, one at a time.
    const files = s.bundle.text_files.length;
    await expect.poll(() => page.evaluate(async () => {
      const cache = await caches.open('offres-data-v2');
      return (await cache.keys()).filter((r) => r.url.includes('/textes/')).length;
    }), { timeout: 20_000 }).toBe(files);
    expect(new Set(s.texts()).size).toBe(files);
    await context.setOffline(true);
    for (const offer of [s.bundle.offers[1], s.bundle.offers[399]]) {
      await page.goto(`${s.url}?offre=${offer.id}`);
      await board.tookOver();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(offer.title);
      await expect(page.locator('.offres-offer__description')).toContainText(firstParagraph(s.text(offer)));
    }
    // The list and its filters too.
    await page.goto(s.url);
    await board.loaded();
    await board.search.fill('zzzz');
    await expect(page.getByText('Aucune offre ne correspond à votre recherche.')).toBeVisible();
    await context.setOffline(false);
    s.close();
  });

  test('a page opened once opens again offline; one never opened says it cannot', async ({ page, context }) => {
    const s = await site();
    const board = new BoardPage(page);
    // No idle caching here: only what the visitor opened is kept.
    const sw = readFileSync(join(s.dir, 'sw.js'), 'utf8');
    expect(sw).toContain('event.waitUntil(cacheTexts())');
    writeFileSync(join(s.dir, 'sw.js'), sw.replace('event.waitUntil(cacheTexts())', '0'));
    await page.goto(s.url);
    await board.loaded();
    await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, { timeout: 15_000 });
    const [opened, other] = [s.bundle.offers[2], s.bundle.offers.find((o) => o.text_file !== s.bundle.offers[2].text_file)];
    await page.goto(`${s.url}?offre=${opened.id}`);
    await expect(page.locator('.offres-offer__description')).toContainText(firstParagraph(s.text(opened)));
    await context.setOffline(true);
    await page.reload();
    await expect(page.locator('.offres-offer__description')).toContainText(firstParagraph(s.text(opened)));
    // One never opened, offline and not kept: the page says so, and offers a retry.
    await page.goto(`${s.url}?offre=${other.id}`);
    await expect(board.alert).toHaveText(/Le texte de l'offre n'a pas pu être chargé/);
    await context.setOffline(false);
    s.close();
  });
});
