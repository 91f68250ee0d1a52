// axe-core finds no WCAG 2.2 A/AA violation and no best-practice problem in any state of the
// board, in the light and the dark theme, at 1280 and 320 px; nor on the static pages.
import { test, expect } from '@playwright/test';
import { BoardPage, repoFile, expectNoViolations } from './pages/board-page.mjs';

// Each test gets its page from browser.newContext() (the fixture), as AxeBuilder requires.
const states = {
  'the loaded board': async (board) => { await board.goto(); await board.loaded(); },
  'a filtered list with chips': async (board) => {
    await board.goto('?q=data&famille=donnees-datascience-open-data&categorie=a&inactives=1');
    await board.loaded();
  },
  'no result': async (board, page) => {
    await board.goto('?q=zzzzzz');
    await expect(page.getByText('Aucune offre ne correspond à votre recherche.')).toBeVisible();
  },
  'the newest-first list': async (board) => { await board.goto('?tri=recent'); await board.loaded(); },
  'an offer page': async (board, page) => {
    await board.goto('?offre=recrutement-bin');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText("Recrutement pour l'équipe BIN");
  },
  'the board rendered at build time, before the app takes over': async (board) => {
    await board.slowModule(10_000);
    await board.goto('', { wait: false });
    await expect(board.cards.first()).toBeVisible();
  },
  'the open filter disclosure (small screens) or the filters (wide)': async (board, page) => {
    await board.goto();
    const toggle = page.getByRole('button', { name: /^Filtrer les offres/ });
    if (await toggle.isVisible()) await toggle.click();
    await expect(board.search).toBeVisible();
  },
  'the loading state (a board mounted from nothing)': async (board) => {
    await board.withoutStaticBoard();
    await board.serveBundle(repoFile('public/offers.json'), { delayMs: 10_000 });
    await board.goto('', { wait: false });
    await expect(board.status).toHaveText('Chargement des offres…');
  },
  'the error state': async (board) => {
    await board.serveBundle(repoFile('tests/fixtures/unknown-version.json'));
    await board.goto(); await expect(board.retry).toBeVisible();
  },
  'the empty state': async (board) => {
    await board.serveBundle(repoFile('tests/fixtures/empty.json'));
    await board.goto(); await board.loaded();
  },
  'a bundle with a skipped offer': async (board) => {
    await board.serveBundle(repoFile('tests/fixtures/one-invalid-offer.json'));
    await board.goto(); await board.loaded();
  },
  'the update notice': async (board, page) => {
    await board.goto(); await board.loaded();
    // What the start script does when the service worker reports a newer bundle.
    await page.evaluate(() => dispatchEvent(new CustomEvent('offres:bundle-updated')));
    await expect(page.getByRole('button', { name: 'Afficher les nouvelles offres' })).toBeVisible();
  },
  'the English interface': async (board, page) => {
    await page.addInitScript(() => localStorage.setItem('offres-langue', 'en'));
    await board.goto('?famille=design');
    // The filters' heading: a disclosure button on small screens (open it), plain text on wide ones.
    const toggle = page.getByRole('button', { name: /^Filter the offers/ });
    if (await toggle.isVisible()) await toggle.click();
    await expect(page.getByRole('searchbox', { name: 'Search the offers' })).toBeVisible();
  },
  'the accessibility statement': async (board, page) => {
    await page.goto('./accessibilite.html');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText("Déclaration d'accessibilité");
  },
  'a static offer page (for search engines)': async (board, page) => {
    await page.goto('./offres/recrutement-bin.html');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText("Recrutement pour l'équipe BIN");
  },
};

const themes = {
  light: async () => {},
  // The system asks for dark (prefers-color-scheme), the visitor chose nothing.
  dark: async (page) => page.emulateMedia({ colorScheme: 'dark' }),
};

for (const [name, reach] of Object.entries(states)) {
  for (const [theme, apply] of Object.entries(themes)) {
    for (const width of [1280, 320]) {
      test(`axe: ${name}, ${theme} theme, ${width} px`, async ({ page }) => {
        await page.setViewportSize({ width, height: 900 });
        await apply(page);
        const board = new BoardPage(page);
        await reach(board, page);
        if (theme === 'dark') {
          const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
          expect(bg).toBe('rgb(22, 22, 22)');
        }
        await expectNoViolations(page);
      });
    }
  }
}
