// Page object for the board: what a visitor sees and uses, found by role and accessible name.
import { readFileSync } from 'node:fs';
import { expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { AXE_TAGS } from './axe-tags.mjs';

const root = new URL('../../../', import.meta.url);

/** A file of the repository, as text. */
export const repoFile = (path) => readFileSync(new URL(path, root), 'utf8');


/** No axe-core violation in the page as it is (its page must come from browser.newContext()). */
export async function expectNoViolations(page) {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary).toEqual([]);
  expect(results.passes.length).toBeGreaterThan(10);
}

/** The start script as the build inlines it: crates/offers-cli/templates/start.js with the names of
 * src/shared_names.rs in its placeholders, without its comment lines, indentation and blank lines. */
export function startScript() {
  const shared = Object.fromEntries([...repoFile('src/shared_names.rs').matchAll(/^pub const ([A-Z_]+): &str = "([^"]*)";$/gm)].map((m) => [m[1], m[2]]));
  const filled = repoFile('crates/offers-cli/templates/start.js').replace(/__([A-Z_]+)__/g, (_, name) => shared[name]);
  return filled.split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('//')).join('\n');
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

  /** Serves the board's page without the board rendered at build time (as a page whose build
   *  did not render it): the app mounts from nothing, as in a widget, loading state first. */
  async withoutStaticBoard() {
    await this.page.route((url) => /\/(index\.html)?$/.test(url.pathname), async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace(/(<main id="offres"[^>]*>)[\s\S]*?(<\/main>)/, '$1$2');
      await route.fulfill({ response, body });
    });
  }

  /** Holds the WebAssembly module back for `ms` (the board rendered at build time stays). */
  async slowModule(ms) {
    await this.page.route('**/*_bg.wasm', async (route) => {
      await new Promise((r) => setTimeout(r, ms));
      await route.continue();
    });
  }

  /** Stops replacing the bundle: the real one is served again. */
  async restoreBundle() {
    await this.page.unroute('**/offers.json');
  }

  /** Opens the board at `search` and waits until the app has taken the place of the board
   *  rendered at build time (`wait: false` to look at the page before that). */
  async goto(search = '', { wait = true } = {}) {
    await this.page.goto(`./${search}`);
    if (wait) await this.tookOver();
  }

  /** The app is in charge: it has put its board in the place of the static one. */
  async tookOver() {
    await expect(this.page.locator('#offres')).toHaveAttribute('data-app', 'ready');
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
    await this.tookOver();
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
