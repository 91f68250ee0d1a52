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

/** No control that would do nothing, and every card there. */
async function aListToRead(page) {
  const board = new BoardPage(page);
  await expect(board.cards).toHaveCount(open.length);
  for (const role of ['button', 'searchbox', 'checkbox', 'combobox']) {
    await expect(page.getByRole(role), role).toHaveCount(0);
  }
  await expect(board.alert).toHaveCount(0);
}

test('where the start script cannot even be parsed (no dynamic import()), the board is a list to read', async ({ page }) => {
  // As a browser from before import() reads it: a syntax error, so nothing of it runs.
  await page.route('**/', async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(/<script>\(function \(\) \{[\s\S]*?<\/script>/, '<script>import(;</script>');
    await route.fulfill({ response, body: html });
  });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  expect(errors.join()).toMatch(/SyntaxError|Unexpected/i);
  await aListToRead(page);
});

test('where the module fails to start, the board goes back to a list to read', async ({ page }) => {
  await page.route('**/*_bg.wasm', (route) => route.fulfill({ status: 200, contentType: 'application/wasm', body: Buffer.from('not a module') }));
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto('/');
  await expect(page.locator('html')).not.toHaveClass(/offres-app/, { timeout: 10_000 });
  await aListToRead(page);
  // Said once, for developers; nothing for visitors but the offers.
  expect(errors.filter((e) => e.startsWith('offres :'))).toHaveLength(1);
});
