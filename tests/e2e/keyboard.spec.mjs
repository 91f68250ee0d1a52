// The board with the keyboard alone: a walk through every tab stop, and every kind of control
// operated without a mouse.
import { test, expect } from '@playwright/test';
import { BoardPage, defaultBundle } from './pages/board-page.mjs';

/** What has the focus: its name, where it is, and whether its focus indicator shows. */
const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const s = getComputedStyle(el);
  const r = el.getBoundingClientRect();
  const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
  return {
    name: `${el.tagName.toLowerCase()} ${(el.getAttribute('aria-label') || (/^(INPUT|SELECT)$/.test(el.tagName) ? el.id : el.textContent)).trim().replace(/\s+/g, ' ').slice(0, 50)}`,
    top: r.top + window.scrollY,
    visible: r.width > 0 && r.height > 0,
    ring,
  };
});

test('a walk with Tab alone: skip link first, reading order, focus always visible, no trap', async ({ page }) => {
  // One column: reading order is top to bottom.
  await page.setViewportSize({ width: 320, height: 800 });
  const board = new BoardPage(page);
  await board.goto();
  await board.loaded();
  const stops = [];
  for (let i = 0; i < 400; i++) {
    await page.keyboard.press('Tab');
    const stop = await focused(page);
    if (!stop) break; // focus left the page after the last stop: no trap
    stops.push(stop);
  }
  expect(stops.length).toBeLessThan(400);
  expect(stops[0].name).toBe('a Aller aux offres');
  expect(stops.at(-1).name).toBe('a Accessibilité : non conforme');
  const names = stops.map((s) => s.name);
  // Small screen: the filters are behind their disclosure, the first stop of the board; the
  // display settings come after the offers.
  expect(names[1]).toBe('button Filtrer les offres');
  expect(names).not.toContain('input offres-recherche');
  expect(names.indexOf('button Display in English')).toBeGreaterThan(names.findLastIndex((n) => n.startsWith("a Consulter l'offre")));
  // Every card's button, each once.
  const open = defaultBundle().offers.filter((o) => o.status === 'open' && o.url);
  expect(names.filter((n) => n.startsWith("a Consulter l'offre")).length).toBe(open.length);
  for (const [i, stop] of stops.entries()) {
    expect.soft(stop.visible, `${stop.name} is visible`).toBe(true);
    expect.soft(stop.ring, `${stop.name} shows its focus`).toBe(true);
    if (i > 0) expect.soft(stop.top, `${stop.name} comes after ${stops[i - 1].name}`).toBeGreaterThanOrEqual(stops[i - 1].top - 24);
  }
  // Opened, the disclosure's controls come right after it.
  await page.getByRole('button', { name: 'Filtrer les offres' }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  expect((await focused(page)).name).toBe('input offres-recherche');
  await page.keyboard.press('Tab');
  expect((await focused(page)).name).toBe('select offres-tri');
});

test('every kind of filter works from the keyboard, and focus is never lost', async ({ page }) => {
  const board = new BoardPage(page);
  await board.goto();
  await board.loaded();
  await board.search.focus();
  await page.keyboard.type('design');
  await expect(page).toHaveURL(/q=design/);
  // The sort: a select changed with the arrow keys.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('combobox', { name: 'Trier par' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page).toHaveURL(/tri=recent/);
  // The inactive offers: a checkbox toggled with Space.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await expect(page).toHaveURL(/inactives=1/);
  // A facet option, the same way.
  const paris = board.facet('Lieu').getByRole('checkbox', { name: /^Paris/ });
  await paris.focus();
  await page.keyboard.press('Space');
  await expect(paris).toBeChecked();
  await expect(page).toHaveURL(/lieu=paris/);
  const design = board.facet('Famille de métiers').getByRole('checkbox', { name: /^Design/ });
  await design.focus();
  await page.keyboard.press('Space');
  await expect(design).toBeChecked();
  // A chip removes its filter with Enter; focus goes to the next chip, then to the search field,
  // never to the page's body.
  await page.getByRole('button', { name: /Lieu : Paris/ }).focus();
  await page.keyboard.press('Enter');
  await expect(paris).not.toBeChecked();
  const next = page.getByRole('button', { name: /Famille de métiers : Design/ });
  await expect(next).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(design).not.toBeChecked();
  await expect(board.search).toBeFocused();
  await design.focus();
  await page.keyboard.press('Space');
  // "Réinitialiser" clears the search and the filters (not the order), then focus is on the
  // search field.
  await page.getByRole('button', { name: 'Réinitialiser', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page).not.toHaveURL(/q=|lieu=/);
  await expect(board.search).toBeFocused();
  // An offer page opens and closes with Enter.
  await page.getByRole('link', { name: "Recrutement pour l'équipe BIN" }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await page.getByRole('link', { name: 'Retour aux offres' }).first().focus();
  await page.keyboard.press('Enter');
  await expect(board.search).toBeVisible();
});
