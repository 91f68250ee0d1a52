// Page object for the board: what a visitor sees and uses, found by role and accessible name.
import { readFileSync } from 'node:fs';
import { expect } from '@playwright/test';

const root = new URL('../../../', import.meta.url);

/** A file of the repository, as text. */
export const repoFile = (path) => readFileSync(new URL(path, root), 'utf8');

/** The committed default bundle. */
export const defaultBundle = () => JSON.parse(repoFile('public/offers.json'));

export class BoardPage {
  constructor(page) {
    this.page = page;
    this.warnings = [];
    page.on('console', (m) => { if (m.type() === 'warning' || m.type() === 'error') this.warnings.push(m.text()); });
    this.heading = page.getByRole('heading', { level: 1 });
    // The first live region announces loading; the second, the number of results.
    this.status = page.getByRole('status').first();
    this.count = page.locator('.offres-count');
    this.search = page.getByRole('searchbox', { name: 'Rechercher une offre' });
    this.alert = page.getByRole('alert');
    this.retry = page.getByRole('button', { name: 'Réessayer' });
    this.cards = page.locator('li.offres-panel');
  }

  /** Serves `body` (a string, or an object sent as JSON) instead of the bundle. */
  async serveBundle(body, { status = 200, contentType = 'application/json', delayMs = 0 } = {}) {
    await this.page.route('**/offers.json', async (route) => {
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      await route.fulfill({ status, contentType, body: typeof body === 'string' ? body : JSON.stringify(body) });
    });
  }

  /** Stops replacing the bundle: the real one is served again. */
  async restoreBundle() {
    await this.page.unroute('**/offers.json');
  }

  async goto(search = '') {
    await this.page.goto(`./${search}`);
  }

  /** The fieldset of a facet, by its legend. */
  facet(legend) {
    return this.page.getByRole('group', { name: legend });
  }

  /** Titles of the cards shown, in order. */
  async titles() {
    return this.page.locator('.offres-panel__title').allInnerTexts();
  }

  async loaded() {
    await expect(this.status).toHaveText(/offres? chargées?|Aucune offre/);
  }

  /** The family section whose heading is `label`. */
  family(label) {
    return this.page.getByRole('region', { name: label, exact: true });
  }

  card(title) {
    return this.cards.filter({ has: this.page.getByRole('heading', { name: title }) });
  }
}
