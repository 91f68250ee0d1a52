// Without JavaScript (or before the module arrives), the served page is the real board, rendered
// at build time by the app's own components: every open offer of the first page under its family,
// with working links, and no control that would do nothing.
import { test, expect } from '@playwright/test';
import { BoardPage, defaultBundle } from './pages/board-page.mjs';

const bundle = defaultBundle();
const open = bundle.offers.filter((o) => o.status === 'open');

test.describe('JavaScript disabled', () => {
  test.use({ javaScriptEnabled: false });

  test('the board lists every open offer under its family, with its link', async ({ page }) => {
    const board = new BoardPage(page);
    await page.goto('./');
    await expect(board.heading).toHaveText('Rejoignez-nous');
    await expect(board.cards).toHaveCount(open.length);
    await expect(board.count).toHaveText(`${open.length} offres`);
    for (const offer of open) {
      const link = page.locator(`#offre-${offer.id} a`);
      await expect(link).toHaveAttribute('href', offer.description ? `offres/${offer.id}.html` : offer.url);
    }
    // The seed's headings: its two sections and its job families.
    for (const section of bundle.page.sections) {
      await expect(page.getByRole('heading', { level: 2, name: section.heading })).toBeVisible();
    }
    await expect(board.family('Design')).toBeVisible();
    await expect(board.family('Design').getByRole('heading', { level: 3, name: 'Design' })).toBeVisible();
    await expect(page.getByText('Entrepreneurs d\'Intérêt Général')).toHaveCount(0);
  });

  test('no control that would do nothing: no button, field, box or menu is shown', async ({ page }) => {
    await page.goto('./');
    await expect(page.locator('li.offres-panel').first()).toBeVisible();
    for (const role of ['button', 'searchbox', 'checkbox', 'combobox', 'textbox']) {
      await expect(page.getByRole(role), role).toHaveCount(0);
    }
    // What is there to use is links, and each goes somewhere.
    const hrefs = await page.locator('#offres a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThan(open.length);
    for (const href of hrefs) expect(href).toMatch(/^(https?:|mailto:|offres\/[a-z0-9-]+\.html$)/);
  });

  test('an offer with a full text opens as a static page, text and all', async ({ page }) => {
    await page.goto('./');
    await page.getByRole('link', { name: "Recrutement pour l'équipe BIN", exact: true }).click();
    await expect(page).toHaveURL(/offres\/recrutement-bin\.html$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText("Recrutement pour l'équipe BIN");
    await expect(page.getByRole('heading', { level: 2, name: /beta\.gouv\.fr, qu’est-ce que c’est/ })).toBeVisible();
    const back = page.getByRole('link', { name: 'Retour aux offres' });
    await expect(back).toHaveCount(2);
    await expect(back.first()).toHaveAttribute('href', '../');
    await back.first().click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rejoignez-nous');
  });
});

test('with JavaScript, the app takes the place of the static board', async ({ page }) => {
  const board = new BoardPage(page);
  await board.goto();
  await expect(board.cards).toHaveCount(open.length);
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await expect(page.locator('#offres > .offres')).toHaveCount(1);
  // In the app, an offer's page opens in place.
  await expect(board.card("Recrutement pour l'équipe BIN").getByRole('link').first()).toHaveAttribute('href', '?offre=recrutement-bin');
});
