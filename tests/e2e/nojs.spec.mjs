// Without JavaScript (or WebAssembly), the served page still lists every open offer with its link.
import { test, expect } from '@playwright/test';
import { defaultBundle } from './pages/board-page.mjs';

const open = defaultBundle().offers.filter((o) => o.status === 'open');

test.describe('JavaScript disabled', () => {
  test.use({ javaScriptEnabled: false });

  test('every open offer is listed, with its link, under its family', async ({ page }) => {
    await page.goto('./');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rejoignez-nous');
    const items = page.locator('.offres-static li');
    await expect(items).toHaveCount(open.length);
    for (const offer of open) {
      const link = page.getByRole('link', { name: offer.title, exact: true });
      await expect(link).toHaveAttribute('href', offer.description ? `offres/${offer.id}.html` : offer.url);
    }
    await expect(page.getByRole('heading', { level: 3, name: 'Design' })).toBeVisible();
    await expect(page.getByText('Entrepreneurs d\'Intérêt Général')).toHaveCount(0);
  });

  test('an offer with a full text opens as a static page, text and all', async ({ page }) => {
    await page.goto('./');
    await page.getByRole('link', { name: "Recrutement pour l'équipe BIN", exact: true }).click();
    await expect(page).toHaveURL(/offres\/recrutement-bin\.html$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText("Recrutement pour l'équipe BIN");
    await expect(page.getByRole('heading', { level: 2, name: /beta\.gouv\.fr, qu’est-ce que c’est/ })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Toutes les offres' })).toHaveAttribute('href', '../');
  });
});

test('with JavaScript, the app replaces the static list', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('li.offres-panel')).toHaveCount(open.length);
  await expect(page.locator('.offres-static')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
});
