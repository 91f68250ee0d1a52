// The widget in host pages of another origin than the board (the board behind nginx with the
// deploy configuration, the hosts served here): several widgets, filters, hostile CSS, theming,
// a missing bundle, and the host's own URL and scripts left alone.
import { test, expect } from '@playwright/test';
import { createServer } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { NGINX_ROOT } from '../../playwright.config.mjs';
import { defaultBundle, expectNoViolations } from './pages/board-page.mjs';

test.use({ serviceWorkers: 'allow' });

const demo = new URL('../../demo/', import.meta.url).pathname;
let host;
test.beforeAll(async () => {
  host = createServer((req, res) => {
    const file = join(demo, new URL(req.url, 'http://x').pathname);
    if (!existsSync(file)) { res.writeHead(404); return res.end(); }
    const type = file.endsWith('.js') ? 'text/javascript' : 'text/html';
    res.writeHead(200, { 'content-type': `${type}; charset=utf-8` });
    res.end(readFileSync(file, 'utf8').replaceAll('{{BOARD}}', NGINX_ROOT));
  });
  await new Promise((r) => host.listen(0, '127.0.0.1', r));
});
test.afterAll(() => host.close());
const hostUrl = (page) => `http://127.0.0.1:${host.address().port}/${page}`;

const design = defaultBundle().offers.filter((o) => o.family === 'design' && o.status === 'open');

test('several widgets with their own filters; search and facets work inside; the host URL stays', async ({ page }) => {
  await page.goto(hostUrl('widget.html'));
  const url = page.url();
  const a = page.locator('#design');
  const b = page.locator('#rennes');
  await expect(a.locator('li.offres-panel')).toHaveCount(design.length);
  await expect(b.locator('li.offres-panel')).toHaveCount(1);
  // Under the host page's h1: no widget has an h1. The title is an h2 by default; with
  // heading-level="3" every heading moves down one more level (the card's h4 becomes an h6).
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ministère de démonstration');
  await expect(a.getByRole('heading', { level: 2 }).first()).toHaveText('Rejoignez-nous');
  await expect(a.getByRole('heading', { level: 5 }).first()).toBeVisible();
  await expect(b.getByRole('heading', { level: 3 }).first()).toHaveText('Rejoignez-nous');
  await expect(b.getByRole('heading', { level: 6 })).toContainText("Chargé/e d'hypervision");
  // Saving is not offered in a host page (nothing is written to its storage).
  await expect(a.getByRole('button', { name: /^Sauvegarder/ })).toHaveCount(0);
  await expect(a.getByRole('checkbox', { name: /^Sauvegardées/ })).toHaveCount(0);
  // Typing and clicking inside a shadow root.
  await a.getByRole('searchbox', { name: 'Rechercher une offre' }).fill('observatoire');
  await expect(a.locator('li.offres-panel')).toHaveCount(2);
  await a.getByRole('checkbox', { name: /^Catégorie A \(/ }).check();
  await expect(b.locator('li.offres-panel')).toHaveCount(1);
  // An offer page inside the widget; its link, opened elsewhere, is the standalone board.
  await a.getByRole('button', { name: 'Catégorie : Catégorie A – retirer ce filtre' }).click();
  await a.getByRole('searchbox', { name: 'Rechercher une offre' }).fill('');
  const link = a.getByRole('link', { name: 'Chargée ou chargé de mission design des services numériques', exact: true });
  await expect(link).toHaveAttribute('href', `${NGINX_ROOT}index.html?offre=charge-mission-design&famille=design`);
  await link.click();
  await expect(a.getByRole('heading', { level: 2 })).toHaveText('Chargée ou chargé de mission design des services numériques');
  await expect(a.getByRole('button', { name: 'Partager' })).toHaveCount(0);
  await a.getByRole('link', { name: 'Retour aux offres' }).first().click();
  await expect(a.locator('li.offres-panel')).toHaveCount(design.length);
  expect(page.url()).toBe(url);
  await expect(page).toHaveTitle('Ministère de démonstration – nos offres');
});

test('a missing bundle shows the French error inside its widget; the host page keeps working', async ({ page }) => {
  await page.goto(hostUrl('widget.html'));
  const broken = page.locator('#absent');
  await expect(broken.getByRole('alert')).toContainText('La liste des offres est introuvable (erreur 404).');
  await expect(broken.getByRole('button', { name: 'Réessayer' })).toBeVisible();
  await expect(page.locator('#design li.offres-panel')).toHaveCount(design.length);
  await page.locator('#host-button').click();
  await page.locator('#host-button').click();
  await expect(page.locator('#host-output')).toHaveText('2');
});

test('themable through --offres-* custom properties set on the element', async ({ page }) => {
  await page.goto(hostUrl('widget.html'));
  const themed = page.locator('#rennes li.offres-panel').first();
  const plain = page.locator('#design li.offres-panel').first();
  await expect(themed).toHaveCSS('border-bottom-color', 'rgb(200, 0, 80)');
  await expect(plain).toHaveCSS('border-bottom-color', 'rgb(0, 0, 145)');
});

test('a hostile host stylesheet changes nothing inside the widget', async ({ page }) => {
  await page.goto(hostUrl('widget-hostile.html'));
  const w = page.locator('offres-emploi');
  const card = w.locator('li.offres-panel').first();
  await expect(card).toBeVisible();
  await expect(card).toHaveCSS('background-color', 'rgb(249, 248, 246)');
  await expect(card).toHaveCSS('border-bottom-width', '4px');
  await expect(card).toHaveCSS('display', 'flex');
  await expect(card).toHaveCSS('list-style-type', 'none');
  const title = w.locator('.offres-panel__title').first();
  await expect(title).toHaveCSS('font-size', '16px');
  expect(await title.evaluate((e) => getComputedStyle(e).fontFamily)).not.toContain('Comic');
  const button = w.locator('a.offres-button').first();
  await expect(button).toHaveCSS('color', 'rgb(255, 255, 255)');
  await expect(button).toHaveCSS('background-color', 'rgb(0, 0, 145)');
  await expect(w.locator('.offres-layout')).toHaveCSS('display', 'grid');
  // And it still works.
  await w.getByRole('searchbox', { name: 'Rechercher une offre' }).fill('observatoire');
  await expect(w.locator('li.offres-panel')).toHaveCount(2);
});

test('the iframe embedding: filtered by its URL, resized to its content, deaf to other origins', async ({ page }) => {
  await page.goto(hostUrl('iframe.html'));
  const frame = page.frameLocator('#board');
  await expect(frame.locator('li.offres-panel')).toHaveCount(design.length);
  const iframe = page.locator('#board');
  // The frame follows its content: as tall as its document, on the list and on an offer page.
  const contentHeight = () => page.frames().find((f) => f.url().includes('embed.html')).evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
  await expect.poll(async () => (await iframe.boundingBox()).height).toBeGreaterThan(600);
  // Once the app has taken the board over (the board rendered at build time is taller: a clean
  // clone's run once read the height before the take-over) and the frame has followed it.
  await expect(frame.locator('#offres[data-app="ready"]')).toHaveCount(1);
  await expect.poll(async () => Math.abs((await iframe.boundingBox()).height - await contentHeight())).toBeLessThanOrEqual(1);
  const fitted = (await iframe.boundingBox()).height;
  // A message from the host page's own origin (not the board's) is ignored.
  await page.evaluate(() => window.postMessage({ type: 'offres:height', height: 50 }, '*'));
  await page.waitForTimeout(200);
  expect((await iframe.boundingBox()).height).toBe(fitted);
  expect(Math.abs(fitted - await contentHeight())).toBeLessThanOrEqual(1);
  await frame.getByRole('link', { name: 'Chargée ou chargé de mission design des services numériques', exact: true }).click();
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('Chargée ou chargé de mission design des services numériques');
  await expect.poll(async () => Math.abs((await iframe.boundingBox()).height - await contentHeight())).toBeLessThanOrEqual(1);
  expect((await iframe.boundingBox()).height).not.toBe(fitted);
});

test('a widget in English and dark, as its attributes say, with no settings of its own', async ({ page }) => {
  await page.goto(hostUrl('widget.html'));
  await page.evaluate((board) => {
    const w = document.createElement('offres-emploi');
    w.id = 'english';
    w.setAttribute('src', `${board}offers.json`);
    w.setAttribute('filtres', 'famille=design');
    w.setAttribute('lang', 'en');
    w.setAttribute('theme', 'dark');
    document.body.append(w);
  }, NGINX_ROOT);
  const w = page.locator('#english');
  await expect(w.locator('li.offres-panel')).toHaveCount(design.length);
  await expect(w.getByRole('searchbox', { name: 'Search the offers' })).toBeVisible();
  await expect(w.locator('.offres')).toHaveAttribute('lang', 'en');
  await expect(w.locator('.offres-panel__title').first()).toHaveAttribute('lang', 'fr');
  await expect(w.locator('.offres-widget')).toHaveCSS('background-color', 'rgb(22, 22, 22)');
  // The host page's language, theme and storage are the host's.
  await expect(w.locator('.offres-prefs')).toHaveCount(0);
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
  expect(await page.evaluate(() => localStorage.length)).toBe(0);
  // The French widgets beside it stay French.
  await expect(page.locator('#design').getByRole('searchbox', { name: 'Rechercher une offre' })).toBeVisible();
});

test('axe finds nothing on a host page with its own h1 and a widget at heading level 2, then 3, light and dark', async ({ page }) => {
  for (const [level, scheme] of [[2, 'light'], [3, 'dark']]) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(hostUrl('widget-a11y.html'));
    await page.evaluate(([board, level, scheme]) => {
      const place = document.getElementById('place');
      // At level 3, the host page has its own h2 above the widget.
      if (level === 3) place.append(Object.assign(document.createElement('h2'), { textContent: 'Nos offres' }));
      const w = document.createElement('offres-emploi');
      w.setAttribute('src', `${board}offers.json`);
      w.setAttribute('heading-level', String(level));
      w.setAttribute('theme', scheme);
      place.append(w);
    }, [NGINX_ROOT, level, scheme]);
    const w = page.locator('offres-emploi');
    await expect(w.locator('li.offres-panel').first()).toBeVisible();
    expect(await page.locator('h1').count(), "one h1 in the page, the host's").toBe(1);
    await expect(w.getByRole('heading', { level })).toHaveCount(1);
    await expect(w.getByRole('heading', { level: level + 2 }).first()).toBeVisible();
    await expectNoViolations(page);
  }
});

const openOffers = defaultBundle().offers.filter((o) => o.status === 'open' && !(o.closes_on && o.closes_on < new Date().toISOString().slice(0, 10)));

/** Opens a strict host page; returns its widget and what the console said as errors. */
async function strictHost(page, file) {
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(hostUrl(file));
  return { w: page.locator('#strict'), errors: () => errors.join('\n') };
}

test("a host page whose policy refuses WebAssembly gets the plain list in the widget's language, and the console names 'wasm-unsafe-eval'", async ({ page }) => {
  const { w, errors } = await strictHost(page, 'widget-csp-wasm.html');
  // The plain list, in English as the element's lang says, under an h2 (the host has the h1).
  await expect(w.getByRole('heading', { level: 2 })).toHaveText('Open job offers');
  await expect(w.locator('ul > li')).toHaveCount(openOffers.length);
  await expect(w.locator('.offres-widget')).toHaveAttribute('lang', 'en');
  // Each offer links to its page: on the board when it has a full text, else elsewhere.
  const withText = openOffers.find((o) => o.description);
  await expect(w.getByRole('link', { name: withText.title, exact: true })).toHaveAttribute('href', `${NGINX_ROOT}index.html?offre=${withText.id}`);
  const elsewhere = openOffers.find((o) => !o.description && o.url);
  await expect(w.getByRole('link', { name: elsewhere.title, exact: true }).first()).toHaveAttribute('href', elsewhere.url);
  await expect(w.getByRole('link', { name: 'See all the offers, and filter them, on the site' })).toHaveAttribute('href', `${NGINX_ROOT}index.html`);
  await expect(w.locator('offres-panel, .offres')).toHaveCount(0);
  await expect.poll(errors).toContain("script-src 'wasm-unsafe-eval'");
  expect(errors()).toContain('<offres-emploi>');
  await expectNoViolations(page);
});

test('a host page whose policy allows exactly what docs/embed.md asks gets the whole board, pins drawn, nothing refused', async ({ page }) => {
  // Every violation the page sees, the images' among them (widget.js only reports the board's own).
  await page.addInitScript(() => {
    window.refused = [];
    document.addEventListener('securitypolicyviolation', (e) => window.refused.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
  const { w } = await strictHost(page, 'widget-csp.html');
  await expect(w.locator('li.offres-panel')).toHaveCount(openOffers.length);
  await expect(w.getByRole('searchbox', { name: 'Rechercher une offre' })).toBeVisible();
  // Not the plain list that a refused module or stylesheet brings.
  await expect(w.getByRole('heading', { name: "Offres d'emploi ouvertes" })).toHaveCount(0);
  // The pin is drawn (a border in the text's colour), with no image for the policy to refuse.
  const pin = await w.locator('.offres-panel__location').first().evaluate((el) => {
    const before = getComputedStyle(el, '::before');
    return { border: before.borderTopWidth, color: before.borderTopColor, text: getComputedStyle(el).color };
  });
  expect(pin.border).toBe('2px');
  expect(pin.color).toBe(pin.text);
  expect(await page.evaluate(() => window.refused)).toEqual([]);
  await expectNoViolations(page);
});

test('a host page whose policy refuses the board\'s styles gets the plain list, and the console names style-src', async ({ page }) => {
  const { w, errors } = await strictHost(page, 'widget-csp-style.html');
  await expect(w.getByRole('heading', { level: 2 })).toHaveText("Offres d'emploi ouvertes");
  await expect(w.locator('ul > li')).toHaveCount(openOffers.length);
  await expect(w.getByRole('link', { name: 'Voir toutes les offres et les filtrer sur le site' })).toBeVisible();
  // Not the unstyled board: its hidden controls and screen-reader texts would show.
  await expect(w.getByRole('searchbox')).toHaveCount(0);
  const origin = new URL(NGINX_ROOT).origin;
  await expect.poll(errors).toContain(`style-src ${origin}`);
  await expectNoViolations(page);
});
