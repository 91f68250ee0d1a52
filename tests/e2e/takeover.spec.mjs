// The board on first paint: the page carries the board rendered at build time; the app takes its
// place without a visible change (same text, nothing moves, focus and scroll kept, no new larger
// paint); on a phone the first screen shows an offer, and the filters are behind a disclosure.
import { test, expect } from '@playwright/test';
import { BoardPage, defaultBundle, expectNoViolations } from './pages/board-page.mjs';

const open = defaultBundle().offers.filter((o) => o.status === 'open');

/** Sums the layout shifts and lists the largest-contentful-paint entries from the page's start. */
async function observe(page) {
  await page.addInitScript(() => {
    window.__shifts = 0;
    window.__lcp = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__shifts += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__lcp.push({ time: e.startTime, size: e.size });
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
}

const takeOverTime = (page) => page.evaluate(() => performance.getEntriesByName('offres:take-over')[0].startTime);
const nextFrames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

test('the static render and the app render the default board with the same text', async ({ page }) => {
  const board = new BoardPage(page);
  await page.route('**/*_bg.wasm', (route) => route.abort());
  await board.goto('', { wait: false });
  await expect(board.cards).toHaveCount(open.length);
  const rendered = await page.locator('#offres').textContent();
  await page.unroute('**/*_bg.wasm');
  await board.goto();
  const app = await page.locator('#offres').textContent();
  expect(rendered.length).toBeGreaterThan(2000);
  expect(app).toBe(rendered);
});

test('the take-over keeps the focused link, the scroll position, and moves nothing', async ({ page }) => {
  await observe(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  const board = new BoardPage(page);
  await board.slowModule(2500);
  await board.goto('', { wait: false });
  // Before the module arrives: a card link focused, the page scrolled.
  const link = board.card('Data scientist H/F').locator('.offres-panel__link');
  await link.focus();
  await page.evaluate(() => window.scrollTo(0, 600));
  const before = await page.evaluate(() => ({
    y: scrollY, text: document.activeElement.textContent, href: document.activeElement.getAttribute('href'),
  }));
  expect(before.y).toBe(600);
  await expect(page.locator('#offres')).not.toHaveAttribute('data-app', 'ready');
  await board.tookOver();
  await nextFrames(page);
  const after = await page.evaluate(() => ({
    y: scrollY, text: document.activeElement.textContent, href: document.activeElement.getAttribute('href'),
  }));
  expect(after).toEqual(before);
  // The focused element is a new one: the app's, which works (a key press follows its link).
  await expect(link).toBeFocused();
  expect(await page.evaluate(() => window.__shifts)).toBe(0);
});

test('text typed before the module arrives is kept and searched', async ({ page }) => {
  const board = new BoardPage(page);
  await board.slowModule(2000);
  await board.goto('', { wait: false });
  await board.search.fill('design');
  await board.tookOver();
  await expect(board.search).toHaveValue('design');
  await expect(page).toHaveURL(/\?q=design$/);
  await expect(board.cards.first()).toBeVisible();
  expect(await board.cards.count()).toBeLessThan(open.length);
});

test('no larger contentful paint after the take-over', async ({ page }) => {
  await observe(page);
  const board = new BoardPage(page);
  await board.slowModule(1500);
  await board.goto('', { wait: false });
  await board.tookOver();
  await nextFrames(page);
  await page.waitForTimeout(300);
  const tookOverAt = await takeOverTime(page);
  const lcp = await page.evaluate(() => window.__lcp);
  expect(lcp.length).toBeGreaterThan(0);
  for (const entry of lcp) expect(entry.time, JSON.stringify(lcp)).toBeLessThan(tookOverAt);
  expect(await page.evaluate(() => window.__shifts)).toBe(0);
});

test('an address with a query shows its own state once the app runs', async ({ page }) => {
  const board = new BoardPage(page);
  await board.goto('?famille=design');
  await expect(board.cards).toHaveCount(open.filter((o) => o.family === 'design').length);
  await board.goto('?offre=recrutement-bin');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Recrutement pour l'équipe BIN");
});

test.describe('on a phone (375 × 740)', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test('the first screen shows the title, the result count and the first offer', async ({ page }) => {
    const board = new BoardPage(page);
    // The board rendered at build time (the module held back), then the app's.
    await board.slowModule(10_000);
    for (const wait of [false, true]) {
      if (wait) await page.unroute('**/*_bg.wasm');
      await board.goto('', { wait });
      for (const element of [board.heading, board.count, board.cards.first().locator('.offres-panel__title')]) {
        await expect(element).toBeVisible();
        const box = await element.boundingBox();
        expect(box.y + box.height, `${await element.textContent()} (app: ${wait})`).toBeLessThanOrEqual(740);
      }
    }
  });

  test('the filter disclosure opens, filters and closes with the keyboard', async ({ page }) => {
    const board = new BoardPage(page);
    await board.goto();
    const toggle = page.getByRole('button', { name: /^Filtrer les offres/ });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(board.search).toBeHidden();
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(board.search).toBeVisible();
    await expectNoViolations(page);
    // Tab to the first family option, check it with the space bar.
    const design = board.facet('Famille de métiers').getByRole('checkbox', { name: /^Design/ });
    for (let i = 0; i < 30 && !(await design.evaluate((e) => e === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    await expect(design).toBeFocused();
    await page.keyboard.press('Space');
    await expect(board.cards).toHaveCount(open.filter((o) => o.family === 'design').length);
    await expect(toggle).toHaveText('Filtrer les offres (1 actif)');
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(board.search).toBeHidden();
  });

  test('the display settings come after the board, not before the title', async ({ page }) => {
    const board = new BoardPage(page);
    await board.goto();
    const settings = page.getByRole('group', { name: "Paramètres d'affichage" });
    const [title, prefs] = [await board.heading.boundingBox(), await settings.boundingBox()];
    expect(prefs.y).toBeGreaterThan(title.y);
    const lastCard = await board.cards.last().boundingBox();
    expect(prefs.y).toBeGreaterThan(lastCard.y);
  });
});

test('on a wide screen the filters are open, with no disclosure button', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const board = new BoardPage(page);
  await board.goto();
  await expect(board.search).toBeVisible();
  await expect(page.getByRole('button', { name: /^Filtrer les offres/ })).toBeHidden();
  await expect(page.getByRole('heading', { level: 2, name: 'Filtrer les offres' })).toBeVisible();
});
