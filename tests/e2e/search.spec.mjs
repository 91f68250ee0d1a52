// Finding offers: search as you type, facets with counts, chips, sort, URL state, "Afficher plus".
import { execFileSync } from 'node:child_process';
import { test, expect } from '@playwright/test';
import { BoardPage, defaultBundle } from './pages/board-page.mjs';

const open = defaultBundle().offers.filter((o) => o.status === 'open');

test('search is case- and accent-insensitive, every word must match, results follow typing', async ({ page }) => {
  const board = new BoardPage(page);
  await board.goto();
  await board.loaded();
  await board.search.fill('donnees');
  await expect(board.card('Analyste de données H/F')).toHaveCount(1);
  await expect(page).toHaveURL(/\?q=donnees$/);
  await board.search.fill('INGENIEUR');
  await expect(board.cards).toHaveCount(1);
  await expect(board.card('Ingénieur data H/F')).toHaveCount(1);
  await expect(board.count).toHaveText('1 offre');
  await board.search.fill('coach agile');
  await expect(board.card("Recrutement pour l'équipe BIN")).toHaveCount(1);
  await board.search.fill('');
  await board.search.pressSequentially('scien', { delay: 20 });
  await expect(board.card('Data scientist H/F')).toHaveCount(1);
  await board.search.fill('zzzzzz');
  await expect(board.count).toHaveText('Aucune offre ne correspond à votre recherche.');
  await page.getByRole('button', { name: 'Réinitialiser la recherche' }).click();
  await expect(board.cards).toHaveCount(open.length);
  await expect(board.search).toHaveValue('');
});

test("a key's frame comes before the list it changes, keys typed before that list are one list, and the address follows once typing pauses", async ({ page }) => {
  const board = new BoardPage(page);
  await board.goto();
  await board.loaded();
  const before = await board.count.textContent();
  // In the page: two keys in one task, then what the key's frame shows, what the first task
  // after that frame shows (the board's list is made in a task after the frame), and the
  // address: not written at the next frame, written once typing has paused (300 ms).
  const seen = await page.evaluate(async () => {
    const input = document.querySelector('#offres-recherche');
    const count = () => document.querySelector('.offres-count').textContent;
    const urls = [];
    const replace = history.replaceState.bind(history);
    history.replaceState = (...args) => { urls.push(String(args[2])); return replace(...args); };
    for (const value of ['ingenieu', 'ingenieur']) {
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
    const afterFrame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const inFrame = await new Promise((r) => requestAnimationFrame(() => r(count())));
    const after = await new Promise((r) => setTimeout(() => r(count()), 0));
    await afterFrame();
    const urlsAfterFrames = [...urls];
    await new Promise((r) => setTimeout(r, 400));
    history.replaceState = replace;
    return { inFrame, after, urlsAfterFrames, urls, search: location.search };
  });
  expect(seen.inFrame).toBe(before);
  expect(seen.after).toBe('1 offre');
  expect(seen.urlsAfterFrames).toEqual([]);
  expect(seen.urls).toEqual(['?q=ingenieur']);
  expect(seen.search).toBe('?q=ingenieur');
  await expect(board.card('Ingénieur data H/F')).toHaveCount(1);
  await expect(board.search).toHaveValue('ingenieur');
  // A key, then the field emptied with no input event (as WebKit's WebDriver clears a field)
  // before the key's list is made: the list follows the field, which stays empty.
  await page.evaluate(() => {
    const input = document.querySelector('#offres-recherche');
    input.value = 'ingenieur data';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.value = '';
  });
  await expect(board.count).toHaveText(before);
  await expect(board.search).toHaveValue('');
  await expect(page).not.toHaveURL(/q=/);
});

test("an offer's page opened before a key's list is made stays open", async ({ page }) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const board = new BoardPage(page);
  await board.goto();
  await board.loaded();
  // A key, then a click on an offer's link in the same task: the key's list would come after.
  await page.evaluate(async () => {
    const input = document.querySelector('#offres-recherche');
    input.value = 'ingenieur';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    document.querySelector('a[href="?offre=recrutement-bin"]').click();
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 150)));
  });
  await expect(page).toHaveURL(/\?offre=recrutement-bin$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Recrutement pour l'équipe BIN");
  // The board still answers: back to the list, and a search.
  await page.getByRole('link', { name: 'Retour aux offres' }).first().click();
  await board.search.fill('donnees');
  await expect(board.card('Analyste de données H/F')).toHaveCount(1);
  expect(errors).toEqual([]);
});

test("an offer opened after a key's list, before its address is written, keeps the text on the way back", async ({ page }) => {
  // (Typing's address is written once typing pauses: the offer is opened before.)
  const board = new BoardPage(page);
  await board.goto();
  await board.loaded();
  // A key; its list made (the task after its frame); then, in that task, an offer opened.
  const written = await page.evaluate(async () => {
    const input = document.querySelector('#offres-recherche');
    input.value = 'recrutement';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const search = location.search;
    const link = [...document.querySelectorAll('a')].find((a) => a.textContent === "Recrutement pour l'équipe BIN");
    link.click();
    return { search, href: link.getAttribute('href') };
  });
  expect(written.search).toBe('');
  expect(written.href).toMatch(/offre=recrutement-bin/);
  await expect(page).toHaveURL(written.href);
  await page.goBack();
  await expect(page).toHaveURL(/\?q=recrutement$/);
  await expect(board.search).toHaveValue('recrutement');
  await expect(board.cards).toHaveCount(1);
});

test('facets: OR inside, AND across, counts, zero options marked, chips and reset', async ({ page }) => {
  const board = new BoardPage(page);
  await board.goto();
  await board.loaded();
  const families = board.facet('Famille de métiers');
  const design = families.getByRole('checkbox', { name: /^Design/ });
  await expect(families.getByText('Design (3 offres)')).toBeVisible();
  await design.check();
  await expect(board.cards).toHaveCount(3);
  await expect(page).toHaveURL(/famille=design/);
  await families.getByRole('checkbox', { name: /^Budget \/ Achats/ }).check();
  await expect(board.cards).toHaveCount(5);
  await expect(page).toHaveURL(/famille=design,budget-achats/);
  // AND across facets: A+ among design or budget.
  const grades = board.facet('Catégorie');
  await expect(grades.getByText('Catégorie A+ (2 offres)')).toBeVisible();
  await grades.getByRole('checkbox', { name: /^Catégorie A\+/ }).check();
  await expect(board.cards).toHaveCount(2);
  await expect(board.count).toHaveText('2 offres');
  // With A+ chosen, families without any A+ offer are at 0: listed, marked, not focusable.
  const zero = families.getByRole('checkbox', { name: /^Produits numériques/ });
  await expect(zero).toBeDisabled();
  await expect(families.getByText('Produits numériques (aucune offre)')).toBeVisible();
  // Chips remove one filter; reset removes all.
  await page.getByRole('button', { name: /Catégorie : Catégorie A\+ – retirer ce filtre/ }).click();
  await expect(board.cards).toHaveCount(5);
  await page.getByRole('button', { name: 'Réinitialiser', exact: true }).click();
  await expect(board.cards).toHaveCount(open.length);
  await expect(design).not.toBeChecked();
});

test('newest first, and the "Nouveau" badge with the clock set', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2025-05-30T10:00:00Z'));
  const board = new BoardPage(page);
  await board.goto();
  await board.loaded();
  await page.getByLabel('Trier par').selectOption('recent');
  await expect(page).toHaveURL(/tri=recent/);
  const titles = await board.titles();
  expect(titles[0]).toContain('numérique responsable');
  expect(titles[1]).toContain('mission design');
  await expect(board.card('numérique responsable').getByText('Nouveau', { exact: true })).toBeVisible();
  await expect(page.getByText('Nouveau', { exact: true })).toHaveCount(1);
});

test('the URL is the state: shared links, reload, back and forward, junk ignored', async ({ page }) => {
  const board = new BoardPage(page);
  await board.goto('?q=data&famille=donnees-datascience-open-data');
  await board.loaded();
  await expect(board.search).toHaveValue('data');
  await expect(board.facet('Famille de métiers').getByRole('checkbox', { name: /^Données/ })).toBeChecked();
  const shown = await board.titles();
  expect(shown.length).toBeGreaterThan(0);
  await page.reload();
  await board.loaded();
  expect(await board.titles()).toEqual(shown);
  // Each filter is a step in history.
  await board.facet('Catégorie').getByRole('checkbox', { name: /^Catégorie A\+/ }).check();
  await expect(page).toHaveURL(/categorie=a-plus/);
  const narrowed = await board.titles();
  await page.goBack();
  await expect(page).not.toHaveURL(/categorie/);
  expect(await board.titles()).toEqual(shown);
  await page.goForward();
  await expect(page).toHaveURL(/categorie=a-plus/);
  expect(await board.titles()).toEqual(narrowed);
  // Unknown keys, unknown options, a malformed sort and escape: the full list, no error.
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await board.goto('?foo=1&famille=astronautique&tri=zzz&lieu=%E2%82&q=');
  await board.loaded();
  await expect(board.cards).toHaveCount(open.length);
  expect(errors).toEqual([]);
});

/** Cards shown at first, and added by each "Afficher plus" (src/components/result_list.rs). */
const PAGE = 24;

/** The board serving 120 synthetic offers (`offers synth`, one file), on 2026-11-23. */
async function withSynthBundle(page) {
  const synth = execFileSync('cargo', ['run', '-q', '-p', 'offers-cli', '--', 'synth', '120', '--seed', '3', '--today', '2026-11-23'],
    { encoding: 'utf8', maxBuffer: 64 << 20 });
  await page.clock.setFixedTime(new Date('2026-11-23T10:00:00Z'));
  const board = new BoardPage(page);
  await board.serveBundle(synth);
  return { board, synth };
}

test(`a large bundle renders ${PAGE} cards, then ${PAGE} more at a time`, async ({ page }) => {
  test.setTimeout(120_000); // the synthetic bundle comes from the CLI
  const { board, synth } = await withSynthBundle(page);
  await board.goto('?tri=recent');
  await board.loaded();
  const total = JSON.parse(synth).offers.filter((o) => o.status === 'open').length;
  await expect(board.count).toHaveText(`${total} offres`);
  await expect(board.cards).toHaveCount(PAGE);
  await page.getByRole('button', { name: `Afficher ${PAGE} offres de plus (${total - PAGE} restantes)` }).click();
  await expect(board.cards).toHaveCount(2 * PAGE);
  for (let shown = 2 * PAGE; shown < total; shown += PAGE) {
    await page.getByRole('button', { name: /Afficher .* de plus|Afficher la dernière offre/ }).click();
    await expect(board.cards).toHaveCount(Math.min(total, shown + PAGE));
  }
  await expect(page.getByRole('button', { name: /^Afficher/ })).toHaveCount(0);
});

test('the list keeps the cards it shows: typing and "Afficher plus" add and remove cards, never rebuild the others', async ({ page }) => {
  test.setTimeout(120_000); // the synthetic bundle comes from the CLI
  const { board } = await withSynthBundle(page);
  // Each card element shown gets a mark the page never writes; then, for each card shown: its
  // offer's id, and whether it is an element marked before.
  const mark = () => page.evaluate(() => document.querySelectorAll('li.offres-panel').forEach((li) => { li.dataset.seen = ''; }));
  const cards = () => page.evaluate(() => [...document.querySelectorAll('li.offres-panel')]
    .map((li) => [li.querySelector('[id^="offre-"]').id, li.dataset.seen !== undefined]));
  for (const sort of ['?tri=recent', '']) {
    await board.goto(sort);
    await board.loaded();
    await mark();
    // "Afficher plus": the first PAGE stay the same elements, PAGE new ones join them (after
    // them newest first; in their families otherwise).
    await page.getByRole('button', { name: new RegExp(`^Afficher ${PAGE} offres de plus`) }).click();
    await expect(board.cards).toHaveCount(2 * PAGE);
    const seen = (await cards()).map(([, s]) => s);
    expect(seen.filter(Boolean)).toHaveLength(PAGE);
    if (sort) expect(seen).toEqual([...Array(PAGE).fill(true), ...Array(PAGE).fill(false)]);
    await mark();
    const before = new Set((await cards()).map(([id]) => id));
    // A word: the cards still shown are the same elements; the others are new.
    await board.search.fill('data');
    await expect(board.count).toHaveText(/^\d+ offres$/);
    await expect.poll(async () => (await cards()).length).toBeLessThan(2 * PAGE);
    const after = await cards();
    expect(after.filter(([id]) => before.has(id)).length).toBeGreaterThan(0);
    for (const [id, seen] of after) expect(seen, id).toBe(before.has(id));
    // Back to everything (as many shown as before the word): the same rule.
    await mark();
    const kept = new Set(after.map(([id]) => id));
    await board.search.fill('');
    await expect(board.cards).toHaveCount(2 * PAGE);
    const all = await cards();
    for (const [id, seen] of all) expect(seen, id).toBe(kept.has(id));
  }
});
