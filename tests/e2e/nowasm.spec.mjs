// A browser without WebAssembly (removed before any script runs): the page stays the board rendered
// at build time, with working links, and nothing tries to start the app or reports a broken bundle.
import { test, expect } from '@playwright/test';
import { BoardPage, defaultBundle } from './pages/board-page.mjs';

const open = defaultBundle().offers.filter((o) => o.status === 'open');

test('without WebAssembly the static board stays, its links work, and no error is raised', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.addInitScript(() => { delete globalThis.WebAssembly; });
  const board = new BoardPage(page);
  await board.goto('', { wait: false });
  await expect(board.cards).toHaveCount(open.length);
  await page.waitForTimeout(1500);
  expect(await page.evaluate(() => typeof WebAssembly)).toBe('undefined');
  await expect(page.locator('#offres')).not.toHaveAttribute('data-app', 'ready');
  expect(requests.filter((u) => /_bg\.wasm|offres-[0-9a-f]+\.js$/.test(u))).toEqual([]);
  await expect(board.alert).toHaveCount(0);
  expect(errors).toEqual([]);
  // No control that would do nothing: the board is a list to read.
  for (const role of ['button', 'searchbox', 'checkbox', 'combobox']) {
    await expect(page.getByRole(role), role).toHaveCount(0);
  }
  // A full text opens as its static page.
  await page.getByRole('link', { name: "Recrutement pour l'équipe BIN", exact: true }).click();
  await expect(page).toHaveURL(/offres\/recrutement-bin\.html$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Recrutement pour l'équipe BIN");
});
