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
      await expect(link).toHaveAttribute('href', offer.description ? `?offre=${offer.id}` : offer.url);
    }
    await expect(page.getByRole('heading', { level: 3, name: 'Design' })).toBeVisible();
    await expect(page.getByText('Entrepreneurs d\'Intérêt Général')).toHaveCount(0);
  });
});

test('with JavaScript, the app replaces the static list', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('li.offres-panel')).toHaveCount(open.length);
  await expect(page.locator('.offres-static')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
});
