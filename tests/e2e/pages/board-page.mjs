// Page object for the board: what a visitor sees and uses, found by role and accessible name.
import { readFileSync } from 'node:fs';
import { expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

const root = new URL('../../../', import.meta.url);

/** A file of the repository, as text. */
export const repoFile = (path) => readFileSync(new URL(path, root), 'utf8');

/** axe-core's rule sets the board must pass: WCAG 2.0, 2.1 and 2.2 A and AA, and best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** No axe-core violation in the page as it is (its page must come from browser.newContext()). */
export async function expectNoViolations(page) {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary).toEqual([]);
  expect(results.passes.length).toBeGreaterThan(10);
}

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
