// What search engines and link previews read: the sitemap, robots.txt, each offer's static page
// with its JobPosting, the meta description and Open Graph tags.
import { test, expect } from '@playwright/test';
import { defaultBundle } from './pages/board-page.mjs';

const SITE = 'https://www.numerique.gouv.fr/rejoignez-nous/';
const bundle = defaultBundle();
// The open offers with a full text, none closing before the day the pages are rendered for (the
// bundle's generation day: the same build gives the same pages).
const today = bundle.generated_at.slice(0, 10);
const withPages = bundle.offers.filter((o) => o.description && o.status === 'open' && !(o.closes_on && o.closes_on < today));

test('sitemap.xml lists the board, the statement and every offer page, and each one is served', async ({ page, request }) => {
  const response = await request.get('./sitemap.xml');
  expect(response.ok()).toBe(true);
  const xml = await response.text();
  const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
  expect(locs.slice(0, 2)).toEqual([SITE, `${SITE}accessibilite.html`]);
  expect(locs.slice(2).sort()).toEqual(withPages.map((o) => `${SITE}offres/${o.id}.html`).sort());
  for (const loc of locs) {
    const local = await request.get(`./${loc.slice(SITE.length)}`);
    expect(local.status(), loc).toBe(200);
  }
  const robots = await (await request.get('./robots.txt')).text();
  expect(robots).toContain(`Sitemap: ${SITE}sitemap.xml`);
});

test('each offer page carries a JobPosting with what search engines require', async ({ page }) => {
  expect(withPages.length).toBeGreaterThan(0);
  for (const offer of withPages) {
    await page.goto(`./offres/${offer.id}.html`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(offer.title);
    const posting = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
    expect(posting['@type']).toBe('JobPosting');
    expect(posting.title).toBe(offer.title);
    expect(posting.description.length).toBeGreaterThan(100);
    expect(posting.datePosted).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    if (offer.published_on) expect(posting.datePosted).toBe(offer.published_on);
    if (offer.closes_on) expect(posting.validThrough).toMatch(new RegExp(`^${offer.closes_on}T`));
    expect(posting.hiringOrganization).toEqual({ '@type': 'Organization', name: offer.employer });
    expect(posting.identifier.value).toBe(offer.reference || offer.id);
    if (offer.locations?.length) {
      expect(posting.jobLocation[0].address.addressLocality).toBe(offer.locations[0].city);
      expect(posting.jobLocation[0].address.addressCountry).toBe('FR');
    }
    if (offer.contract) expect(['FULL_TIME', 'TEMPORARY', 'INTERN', 'OTHER']).toContain(posting.employmentType);
    expect(posting.url).toBe(`${SITE}offres/${offer.id}.html`);
    // Nothing of the description is markup outside the JSON string.
    await expect(page.locator('script')).toHaveCount(1);
    await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /.{50,}/);
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', `${offer.title} – ${bundle.page.title}`);
    await expect(page.locator('meta[property="og:url"]')).toHaveAttribute('content', posting.url);
    // And the visitor can go on to the board.
    await expect(page.getByRole('link', { name: 'Retour aux offres' }).first()).toHaveAttribute('href', '../');
    // The pay, as search engines read it (EU pay-transparency directive).
    if (offer.salary?.min) {
      expect(posting.baseSalary.currency).toBe('EUR');
      expect(posting.baseSalary.value.minValue ?? posting.baseSalary.value.value).toBe(offer.salary.min);
      expect(posting.baseSalary.value.unitText).toBe(offer.salary.period === 'year' ? 'YEAR' : 'MONTH');
    }
    // Its family's feed, for readers that follow it; the feed is there.
    const feed = page.locator('link[rel="alternate"][type="application/atom+xml"]');
    await expect(feed).toHaveAttribute('href', `../feeds/famille-${offer.family}.atom`);
    const response = await page.request.get(new URL(await feed.getAttribute('href'), page.url()).href);
    expect(response.ok()).toBe(true);
    expect(await response.text()).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
  }
  expect(withPages.some((o) => o.salary?.min), 'seed 004 states its pay').toBe(true);
});

test('the board has a description and Open Graph tags', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /DINUM/);
  for (const property of ['og:type', 'og:title', 'og:description', 'og:locale']) {
    await expect(page.locator(`meta[property="${property}"]`)).toHaveAttribute('content', /.+/);
  }
  await expect(page.locator('meta[property="og:url"]')).toHaveAttribute('content', SITE);
});
