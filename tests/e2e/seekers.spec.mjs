// What job seekers expect next (issue "What job seekers expect next"): saved offers with no
// account, pay shown and filterable, a feed for the current filter, sharing an offer. In French
// and English, light and dark, with the keyboard.
import { test, expect } from '@playwright/test';
import { BoardPage, defaultBundle, expectNoViolations } from './pages/board-page.mjs';

const bundle = defaultBundle();
const open = bundle.offers.filter((o) => o.status === 'open');
const bin = bundle.offers.find((o) => o.id === 'recrutement-bin');
const design = 'Chargée ou chargé de mission design des services numériques';
const KEY = 'offres-sauvegardees /offers.json';

test('saving offers with the keyboard: toggles, the "Sauvegardées (n)" filter in the URL, kept across a reload', async ({ page }) => {
  const board = new BoardPage(page);
  await board.goto();
  await board.loaded();
  const save = (title) => page.getByRole('button', { name: `Sauvegarder : ${title}`, exact: true });
  await expect(save(design)).toHaveAttribute('aria-pressed', 'false');
  await save(design).focus();
  await page.keyboard.press('Enter');
  await expect(save(design)).toHaveAttribute('aria-pressed', 'true');
  await save(bin.title).focus();
  await page.keyboard.press('Space');
  await expect(save(bin.title)).toHaveAttribute('aria-pressed', 'true');
  // Stored under the bundle's address, titles kept for the day an offer is withdrawn.
  const stored = await page.evaluate((k) => localStorage.getItem(k), KEY);
  expect(stored).toContain(`charge-mission-design\t${design}`);
  expect(stored).toContain('recrutement-bin\t');
  // The filter, with its count, as a checkbox beside the others.
  const filter = board.facet('Mes offres').getByRole('checkbox', { name: 'Sauvegardées (2 offres)' });
  await filter.focus();
  await page.keyboard.press('Space');
  await expect(page).toHaveURL(/\?sauvegardees=oui$/);
  await expect(board.cards).toHaveCount(2);
  await expect(board.count).toHaveText('2 offres');
  await expect(page.getByRole('list', { name: 'Offres sauvegardées retirées du site' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Mes offres : Sauvegardées – retirer ce filtre' })).toBeVisible();
  // Kept across a reload, from the URL and the storage.
  await page.reload();
  await board.loaded();
  await expect(board.cards).toHaveCount(2);
  await expect(board.facet('Mes offres').getByRole('checkbox', { name: 'Sauvegardées (2 offres)' })).toBeChecked();
  // Unsaving removes it from the filtered list; the offer page has the same toggle.
  await save(design).click();
  await expect(board.cards).toHaveCount(1);
  await page.getByRole('link', { name: bin.title, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(bin.title);
  await expect(save(bin.title)).toHaveAttribute('aria-pressed', 'true');
  await save(bin.title).click();
  await expect(save(bin.title)).toHaveAttribute('aria-pressed', 'false');
  expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBeNull();
});

test('a saved offer no longer in the bundle stays listed as "Offre retirée" with its title, until removed', async ({ page }) => {
  const board = new BoardPage(page);
  await page.addInitScript((k) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(k, 'recrutement-bin\tRecrutement pour l\'équipe BIN\nretiree-2019\tChef de projet retiré (2019)\n');
      sessionStorage.setItem('seeded', '1');
    }
  }, KEY);
  await board.goto('?sauvegardees=oui');
  await board.loaded();
  await expect(board.cards.filter({ hasText: bin.title })).toHaveCount(1);
  const retired = page.getByRole('list', { name: 'Offres sauvegardées retirées du site' });
  await expect(retired.getByRole('listitem')).toHaveCount(1);
  await expect(retired.locator('.offres-panel__title')).toHaveText('Chef de projet retiré (2019)');
  await expect(retired.locator('.offres-badge')).toHaveText('Offre retirée');
  // The count is of the saved offers the bundle still has, as any option's count.
  await expect(board.facet('Mes offres').getByRole('checkbox', { name: 'Sauvegardées (1 offre)' })).toBeChecked();
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    await expectNoViolations(page);
  }
  await retired.getByRole('button', { name: 'Retirer de mes offres : Chef de projet retiré (2019)' }).click();
  // Gone, and the empty list with it (out of the accessibility tree).
  await expect(retired).toHaveCount(0);
  await expect(board.facet('Mes offres').getByRole('checkbox', { name: 'Sauvegardées (1 offre)' })).toBeChecked();
  expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBe("recrutement-bin\tRecrutement pour l'équipe BIN\n");
});

test('pay on the card, and the "Rémunération indiquée" filter with its count, in French and English', async ({ page }) => {
  const paid = open.filter((o) => o.salary);
  expect(paid.length).toBeGreaterThan(0);
  const board = new BoardPage(page);
  await board.goto();
  await board.loaded();
  await expect(board.card(bin.title)).toContainText('3\u202f500 € à 4\u202f800 € par mois');
  const stated = board.facet('Rémunération').getByRole('checkbox', { name: `Rémunération indiquée (${paid.length === 1 ? '1 offre' : `${paid.length} offres`})` });
  await stated.check();
  await expect(page).toHaveURL(/remuneration=indiquee/);
  await expect(board.cards).toHaveCount(paid.length);
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    await expectNoViolations(page);
  }
  await page.getByRole('button', { name: 'Display in English' }).click();
  await board.tookOver();
  await expect(board.card(bin.title)).toContainText('€3,500 to €4,800 a month');
  await expect(page.getByRole('group', { name: 'Pay' }).getByRole('checkbox', { name: /^Pay stated/ })).toBeChecked();
  await expect(page.getByRole('button', { name: `Save : ${bin.title}` })).toBeVisible();
  await expect(page.getByRole('group', { name: 'My offers' }).getByRole('checkbox', { name: /^Saved/ })).toBeVisible();
  // The other new words, in English too.
  await page.getByRole('group', { name: 'Job family' }).getByRole('checkbox', { name: /^Produits/ }).check();
  await expect(page.getByRole('link', { name: 'Follow these offers (Atom)' })).toHaveAttribute('href', 'feeds/famille-produits-numeriques.atom');
  await page.getByRole('link', { name: bin.title, exact: true }).click();
  await expect(page.getByRole('button', { name: 'Share' })).toBeVisible();
});

test('"Suivre ces offres (Atom)" links the feed of the one family or place selected, and the feed is there', async ({ page, request }) => {
  const board = new BoardPage(page);
  await board.goto();
  await board.loaded();
  const follow = page.getByRole('link', { name: 'Suivre ces offres (Atom)' });
  await expect(follow).toHaveCount(0);
  await board.facet('Famille de métiers').getByRole('checkbox', { name: /^Design/ }).check();
  await expect(follow).toHaveAttribute('href', 'feeds/famille-design.atom');
  const feed = await request.get(`./${await follow.getAttribute('href')}`);
  expect(feed.ok()).toBe(true);
  const text = await feed.text();
  const designOpen = open.filter((o) => o.family === 'design');
  expect(text.match(/<entry>/g).length).toBe(designOpen.length);
  expect(text).toContain(design);
  // Two families: no single feed. A place alone: its feed.
  await board.facet('Famille de métiers').getByRole('checkbox', { name: /^Budget/ }).check();
  await expect(follow).toHaveCount(0);
  await board.goto('?lieu=paris');
  await expect(follow).toHaveAttribute('href', 'feeds/lieu-paris.atom');
  expect((await request.get('./feeds/lieu-paris.atom')).ok()).toBe(true);
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    await expectNoViolations(page);
  }
});

test('"Partager" copies the offer\'s link where the browser cannot share, and says so; with the keyboard', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL).origin });
  // This browser's share sheet, if it has one, is left out: the copy is what is tested here.
  await page.addInitScript(() => { delete Navigator.prototype.share; });
  const board = new BoardPage(page);
  await board.goto('?offre=recrutement-bin');
  const share = page.getByRole('button', { name: 'Partager' });
  await share.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Lien copié' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    await expectNoViolations(page);
  }
});

test('"Partager" opens the system\'s share sheet where there is one, with the title and the link', async ({ page }) => {
  await page.addInitScript(() => {
    window.sharedWith = [];
    Navigator.prototype.share = function share(data) { window.sharedWith.push(data); return Promise.resolve(); };
  });
  const board = new BoardPage(page);
  await board.goto('?offre=recrutement-bin');
  await page.getByRole('button', { name: 'Partager' }).click();
  await expect.poll(() => page.evaluate(() => window.sharedWith.length)).toBe(1);
  const [data] = await page.evaluate(() => window.sharedWith);
  expect(data).toEqual({ title: bin.title, url: page.url() });
  await expect(page.getByRole('status').filter({ hasText: 'Lien copié' })).toHaveCount(0);
});
