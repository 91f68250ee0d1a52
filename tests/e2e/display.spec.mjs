// How the board looks under what visitors set: zoom, text size, text spacing, forced colours,
// reduced motion, dark or light theme, English, and print.
import { test, expect } from '@playwright/test';
import { BoardPage, repoFile, defaultBundle } from './pages/board-page.mjs';

const horizontalOverflow = (page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** Elements whose text is cut: content larger than a box that hides its overflow. */
const clipped = (page) => page.evaluate(() => [...document.querySelectorAll('body *')]
  .filter((el) => !el.closest('.offres-sr-only') && el.getClientRects().length > 0)
  .filter((el) => {
    const s = getComputedStyle(el);
    const hides = (v) => v === 'hidden' || v === 'clip';
    return (hides(s.overflowX) && el.scrollWidth > el.clientWidth + 1)
      || (hides(s.overflowY) && el.scrollHeight > el.clientHeight + 1);
  })
  .map((el) => `${el.tagName.toLowerCase()}.${el.className}`));

const views = { 'the list': '', 'the filtered list': '?famille=design&lieu=paris', 'an offer page': '?offre=recrutement-bin' };

for (const [name, search] of Object.entries(views)) {
  test(`400% zoom (320 × 256 CSS px): ${name} reflows, nothing scrolls sideways`, async ({ page }) => {
    // A 1280 × 1024 window zoomed to 400% is 320 × 256 CSS pixels.
    await page.setViewportSize({ width: 320, height: 256 });
    const board = new BoardPage(page);
    await board.goto(search);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await clipped(page)).toEqual([]);
  });

  test(`text spacing (WCAG 1.4.12): ${name} loses no text`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    const board = new BoardPage(page);
    await board.goto(search);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.addStyleTag({ content: `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
      p { margin-bottom: 2em !important; }` });
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await clipped(page)).toEqual([]);
  });
}

test('text enlarged to 200% at 640 px: no sideways scrolling, nothing cut', async ({ page }) => {
  await page.setViewportSize({ width: 640, height: 900 });
  const board = new BoardPage(page);
  await board.goto();
  await board.loaded();
  await page.addStyleTag({ content: 'html { font-size: 200% !important; }' });
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  expect(await clipped(page)).toEqual([]);
});

test('forced colours: panels keep a border, focus keeps a visible outline', async ({ page }) => {
  await page.emulateMedia({ forcedColors: 'active' });
  const board = new BoardPage(page);
  await board.goto();
  await board.loaded();
  expect(await board.cards.first().evaluate((el) => getComputedStyle(el).borderTopStyle)).toBe('solid');
  // The location pin (a border and a dot in the text's colour) takes the system's text colour, as
  // the text beside it does, not the forced background's.
  const pin = await board.cards.first().locator('.offres-panel__location').evaluate((el) => ({
    pin: getComputedStyle(el, '::before').borderTopColor,
    text: getComputedStyle(el).color,
    adjust: getComputedStyle(el, '::before').forcedColorAdjust,
  }));
  expect(pin.adjust).toBe('none');
  expect(pin.pin).toBe(pin.text);
  await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => {
    const s = getComputedStyle(document.activeElement);
    return `${s.outlineStyle} ${parseFloat(s.outlineWidth) >= 2}`;
  });
  expect(outline).toBe('solid true');
});

test('reduced motion: the loading placeholder does not move', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const board = new BoardPage(page);
  await board.withoutStaticBoard();
  await board.serveBundle(repoFile('public/offers.json'), { delayMs: 3000 });
  await board.goto('', { wait: false });
  const loading = page.locator('.offres-loading');
  await expect(loading).toHaveCSS('animation-name', 'none');
});

test('the theme: system by default, a choice that is kept, applied before the app starts', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const board = new BoardPage(page);
  await board.goto();
  await board.loaded();
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(await background()).toBe('rgb(22, 22, 22)');
  const theme = page.getByRole('combobox', { name: 'Thème' });
  await expect(theme).toHaveValue('system');
  await theme.selectOption({ label: 'Clair' });
  expect(await background()).toBe('rgb(255, 255, 255)');
  await page.reload();
  // The start script applies it: no wait for the app.
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await board.loaded();
  expect(await background()).toBe('rgb(255, 255, 255)');
  await expect(theme).toHaveValue('light');
  await theme.selectOption({ label: 'Sombre' });
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await background()).toBe('rgb(22, 22, 22)');
  await theme.selectOption({ label: 'Celui du système' });
  expect(await background()).toBe('rgb(255, 255, 255)');
  expect(await page.evaluate(() => localStorage.getItem('offres-theme'))).toBeNull();
});

test('English: switched, kept, with English plurals and dates, offers still marked French', async ({ page }) => {
  const board = new BoardPage(page);
  await board.goto('?famille=design');
  await board.loaded();
  await page.getByRole('button', { name: 'Display in English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const search = page.getByRole('searchbox', { name: 'Search the offers' });
  await expect(search).toBeVisible();
  // The filters are in the URL: they survive the switch.
  await expect(page).toHaveURL(/famille=design/);
  const design = defaultBundle().offers.filter((o) => o.family === 'design' && o.status === 'open').length;
  await expect(board.count).toHaveText(`${design} offers`);
  await expect(page.getByRole('group', { name: 'Job family' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /Design \(\d+ offers?\)/ })).toBeChecked();
  const title = page.locator('.offres-panel__title').first();
  await expect(title).toHaveAttribute('lang', 'fr');
  await expect(page.locator('.offres-panel__action a').first()).toContainText('View the offer');
  // An offer page: facts in English, dates in English, text in French.
  await page.goto('./?offre=charge-mission-design');
  await expect(page.getByText('Published on', { exact: true })).toBeVisible();
  await expect(page.locator('.offres-facts dd').filter({ hasText: /^[A-Z][a-z]+ \d{1,2}, \d{4}$/ })).not.toHaveCount(0);
  await expect(page.locator('.offres-offer__description')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('link', { name: 'Back to the offers' }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Afficher en français' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('link', { name: 'Retour aux offres' }).first()).toBeVisible();
});

test('print: no controls, black on white even in the dark theme, each offer with its address', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('offres-theme', 'dark'));
  const board = new BoardPage(page);
  await board.goto();
  await board.loaded();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.offres-layout__filters')).toBeHidden();
  await expect(page.locator('.offres-prefs')).toBeHidden();
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
  const offer = defaultBundle().offers.find((o) => o.status === 'open' && o.url && !o.description);
  const card = board.card(offer.title);
  const shown = await card.locator('.offres-panel__title a').evaluate((a) => getComputedStyle(a, '::after').content);
  expect(shown).toBe(`" <${offer.url}>"`);
});
