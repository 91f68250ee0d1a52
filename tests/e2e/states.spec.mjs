// Each state of the board with a real browser fetching a broken, empty or slow bundle.
import { test, expect } from '@playwright/test';
import { BoardPage, repoFile, defaultBundle } from './pages/board-page.mjs';

const fixture = (name) => repoFile(`tests/fixtures/${name}`);
const openCount = defaultBundle().offers.filter((o) => o.status === 'open').length;

test('while the bundle is on its way, the board rendered at build time is there, then the app takes over', async ({ page }) => {
  const board = new BoardPage(page);
  await board.serveBundle(repoFile('public/offers.json'), { delayMs: 1500 });
  await board.goto('', { wait: false });
  await expect(board.cards).toHaveCount(openCount);
  await expect(page.locator('#offres')).not.toHaveAttribute('data-app', 'ready');
  await expect(page.getByText('Chargement des offres…')).toHaveCount(0);
  await board.tookOver();
  await expect(board.cards).toHaveCount(openCount);
  await expect(board.status).toHaveText(`${defaultBundle().offers.length} offres chargées`);
});

test('a missing bundle: French message, and "Réessayer" loads it once it is back', async ({ page }) => {
  const board = new BoardPage(page);
  await board.serveBundle('Not found', { status: 404, contentType: 'text/plain' });
  await board.goto();
  await expect(board.alert).toContainText('Les offres n\'ont pas pu être chargées');
  await expect(board.alert).toContainText('La liste des offres est introuvable (erreur 404).');
  await expect(board.cards).toHaveCount(0);
  await board.restoreBundle();
  await board.retry.click();
  await expect(board.cards).toHaveCount(openCount);
  await expect(board.alert).toHaveCount(0);
});

test('a bundle that is not JSON: French message and retry', async ({ page }) => {
  const board = new BoardPage(page);
  await board.serveBundle(fixture('not-json.html'), { contentType: 'text/html' });
  await board.goto();
  await expect(board.alert).toContainText('illisible');
  await expect(board.retry).toBeVisible();
});

test('an unknown format version: French message, and the retry works', async ({ page }) => {
  const board = new BoardPage(page);
  await board.serveBundle(fixture('unknown-version.json'));
  await board.goto();
  await expect(board.alert).toContainText('format plus récent (version 3)');
  await board.restoreBundle();
  await board.retry.focus();
  await page.keyboard.press('Enter');
  await expect(board.cards).toHaveCount(openCount);
});

test('the server is unreachable: French message', async ({ page }) => {
  const board = new BoardPage(page);
  await page.route('**/offers.json', (route) => route.abort('connectionrefused'));
  await board.goto();
  await expect(board.alert).toContainText('Le serveur des offres ne répond pas');
});

test('one invalid offer is skipped, counted and logged; the others render', async ({ page }) => {
  const board = new BoardPage(page);
  await board.serveBundle(fixture('one-invalid-offer.json'));
  await board.goto();
  await expect(board.cards).toHaveCount(2);
  await expect(page.getByText('1 offre n\'a pas pu être affichée car ses données sont invalides.')).toBeVisible();
  await expect(page.getByText('Offre piégée')).toHaveCount(0);
  expect(board.warnings.some((w) => w.includes('offre-piegee') && w.includes('javascript:'))).toBe(true);
});

test('an empty bundle says there is no offer', async ({ page }) => {
  const board = new BoardPage(page);
  await board.serveBundle(fixture('empty.json'));
  await board.goto();
  await expect(page.getByText('Aucune offre n\'est publiée pour le moment. Revenez bientôt !')).toBeVisible();
  await expect(board.cards).toHaveCount(0);
  await expect(board.status).toHaveText('Aucune offre publiée');
});
