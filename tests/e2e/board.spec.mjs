// The board renders the default bundle (the seed pages) as the seed's panel grid.
import { test, expect } from '@playwright/test';
import { BoardPage, defaultBundle } from './pages/board-page.mjs';

const bundle = defaultBundle();
const open = bundle.offers.filter((o) => o.status === 'open');

test('every offer of the bundle is a card, family by family, in the bundle order', async ({ page }) => {
  const board = new BoardPage(page);
  await board.goto();
  await board.loaded();
  await expect(board.heading).toHaveText(bundle.page.title);
  await expect(board.status).toHaveText(`${bundle.offers.length} offres chargées`);
  // Filled offers (seed 003) are hidden until asked for.
  await expect(board.cards).toHaveCount(open.length);
  await expect(board.count).toHaveText(`${open.length} offres`);

  for (const section of ['own', 'elsewhere']) {
    for (const family of bundle.families) {
      const offers = open.filter((o) => o.section === section && o.family === family.id);
      if (offers.length === 0) continue;
      const sectionKey = section === 'own' ? 'propres' : 'ailleurs';
      const region = page.locator(`section[aria-labelledby="famille-${sectionKey}-${family.id}"]`);
      await expect(region.getByRole('heading', { level: 3 })).toHaveText(family.label);
      const titles = region.locator('.offres-panel__title');
      await expect(titles).toHaveCount(offers.length);
      for (const [i, offer] of offers.entries()) {
        const card = region.locator('li.offres-panel').nth(i);
        await expect(titles.nth(i)).toContainText(offer.title);
        if (offer.grade) await expect(card).toContainText(offer.grade.label);
        if (offer.description) {
          await expect(card.getByRole('link', { name: offer.title, exact: true }))
            .toHaveAttribute('href', `?offre=${offer.id}`);
        } else if (offer.url) {
          await expect(card.getByRole('link', { name: `${offer.title} (site externe)`, exact: true }))
            .toHaveAttribute('href', offer.url);
        }
        if (offer.url) {
          await expect(card.getByRole('link', { name: `Consulter l'offre : ${offer.title} (site externe)`, exact: true }))
            .toHaveAttribute('href', offer.url);
        }
      }
    }
  }
});

test('a seed panel shows grade, location with a hidden pin, and the button', async ({ page }) => {
  const board = new BoardPage(page);
  await board.goto();
  const card = board.card('Chargé/e d\'hypervision réseau');
  await expect(card).toContainText('Cadre/Catégorie A');
  await expect(card).toContainText('Saint-Jacques-de-la-Lande (35) (télétravail possible)');
  // The pin: drawn by the stylesheet before the location, with nothing to read and no image (a
  // host's policy without `img-src data:` would refuse one).
  const pin = await card.locator('.offres-panel__location').evaluate((e) => {
    const before = getComputedStyle(e, '::before');
    return { content: before.content, image: before.backgroundImage, mask: before.maskImage || before.webkitMaskImage,
      border: `${before.borderTopStyle} ${before.borderTopWidth}`, color: before.borderTopColor, text: getComputedStyle(e).color };
  });
  expect(pin.content).toBe('""');
  expect(pin.border).toBe('solid 2px');
  expect(pin.color).toBe(pin.text);
  expect(pin.image).toMatch(/^radial-gradient\(/);
  expect(`${pin.image} ${pin.mask}`).not.toContain('url(');
  // The accessibility tree has the location but nothing for the icon.
  const snapshot = await card.ariaSnapshot();
  expect(snapshot).toContain('Lieu : Saint-Jacques-de-la-Lande (35) (télétravail possible)');
  expect(snapshot).not.toMatch(/img|graphics/);
});

test('one accessible name, one destination: every button, summary and link is told apart', async ({ page }) => {
  const board = new BoardPage(page);
  await board.goto();
  await board.loaded();
  const controls = await page.locator('a, button, summary').evaluateAll((els) =>
    els.map((e) => ({ name: e.textContent.replace(/\s+/g, ' ').trim(), href: e.getAttribute('href') || e.tagName })));
  const destinations = new Map();
  for (const { name, href } of controls) destinations.set(name, new Set([...(destinations.get(name) || []), href]));
  const ambiguous = [...destinations].filter(([, hrefs]) => hrefs.size > 1).map(([n, h]) => [n, [...h]]);
  expect(ambiguous).toEqual([]);
  const names = controls.map((c) => c.name);
  const once = (prefix) => names.filter((n) => n.startsWith(prefix));
  for (const prefix of ["Consulter l'offre", 'Candidater par courriel', 'Retirer']) {
    expect(new Set(once(prefix)).size).toBe(once(prefix).length);
  }
  expect(names.filter((n) => n.startsWith("Consulter l'offre")).length)
    .toBe(open.filter((o) => o.url).length);
});

test('an offer with a full text has its own page, reached and left with the keyboard', async ({ page }) => {
  const board = new BoardPage(page);
  await board.goto('?famille=design');
  await board.loaded();
  const title = 'Chargée ou chargé de mission design des services numériques';
  await page.getByRole('link', { name: title, exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\?offre=charge-mission-design&famille=design$/);
  const h1 = page.getByRole('heading', { level: 1 });
  await expect(h1).toHaveText(title);
  await expect(h1).toBeFocused();
  await expect(page).toHaveTitle(`${title} – Rejoignez-nous`);
  await expect(page.getByRole('heading', { name: 'Mission', exact: true })).toBeVisible();
  await expect(page.getByText('Assurer le pilotage de l’observatoire')).toBeVisible();
  const fact = (term) => page.locator('.offres-facts__row').filter({ has: page.getByRole('term').filter({ hasText: term }) }).getByRole('definition');
  await expect(fact('Contrat')).toHaveText('CDD');
  await expect(fact('Publiée le')).toHaveText('12 avril 2021');
  await expect(page.getByRole('link', { name: /Écrire à candidatures-dinum@pm.gouv.fr \(objet du courriel : « CMD-01 »\)/ }))
    .toHaveAttribute('href', 'mailto:candidatures-dinum@pm.gouv.fr?subject=CMD-01');
  // Back to the list, filters kept.
  await page.getByRole('link', { name: 'Retour aux offres' }).first().click();
  await expect(page).toHaveURL(/\?famille=design$/);
  await expect(board.facet('Famille de métiers').getByRole('checkbox', { name: /^Design/ })).toBeChecked();
  await expect(page).toHaveTitle("Rejoignez-nous – Offres d'emploi");
  // The browser's back button returns to the page, forward to the list.
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
});

test('the filled offer of seed 003 shows, marked "Pourvue", when asked for', async ({ page }) => {
  const board = new BoardPage(page);
  await board.goto();
  await expect(board.card('Entrepreneurs d\'Intérêt Général')).toHaveCount(0);
  await page.getByRole('checkbox', { name: /Afficher aussi les offres pourvues ou clôturées \(1\)/ }).check();
  await expect(board.card('Entrepreneurs d\'Intérêt Général').locator('.offres-badge')).toHaveText('Pourvue');
  await expect(page).toHaveURL(/inactives=1/);
  await expect(board.count).toHaveText(`${bundle.offers.length} offres`);
});

test('the first tab stop is the skip link, which leads to the offers', async ({ page }) => {
  const board = new BoardPage(page);
  await board.goto();
  await board.loaded();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Aller aux offres' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  // The search comes first in the main content (wide screen: the filters are shown); the display
  // settings come after the board.
  await page.keyboard.press('Tab');
  await expect(board.search).toBeFocused();
  const settings = await page.getByRole('button', { name: 'Display in English' }).boundingBox();
  expect(settings.y).toBeGreaterThan((await board.cards.last().boundingBox()).y);
});

for (const width of [320, 1280]) {
  test(`usable at ${width} px wide: no horizontal scrolling`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    const board = new BoardPage(page);
    await board.goto();
    await board.loaded();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const columns = await page.locator('.offres-wrapper').first().evaluate((el) =>
      getComputedStyle(el).gridTemplateColumns.split(' ').length);
    expect(columns).toBe(width === 320 ? 1 : 2);
  });
}

test('the panel grid keeps the seed look: background, 4px blue bottom border', async ({ page }) => {
  const board = new BoardPage(page);
  await board.goto();
  const style = await board.cards.first().evaluate((el) => {
    const s = getComputedStyle(el);
    return { bg: s.backgroundColor, bottom: s.borderBottomWidth, color: s.borderBottomColor };
  });
  expect(style).toEqual({ bg: 'rgb(249, 248, 246)', bottom: '4px', color: 'rgb(0, 0, 145)' });
});
