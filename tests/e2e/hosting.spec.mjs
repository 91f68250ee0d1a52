// The site (dist/, or SITE) as deployed: served by Debian's nginx with deploy/nginx/offres.conf, at the root of a site
// and under a sub-path, under the strict Content-Security-Policy that configuration sends; and by
// `offers serve`, the preview that sends the same headers.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, request } from '@playwright/test';
import { NGINX_ROOT, NGINX_SUB, OFFERS_SERVE, SITE } from '../../playwright.config.mjs';
import { BoardPage, defaultBundle, startScript } from './pages/board-page.mjs';

test.use({ serviceWorkers: 'allow' });

const open = defaultBundle().offers.filter((o) => o.status === 'open');
// The one inline script allowed: the start (crates/offers-cli/templates/start.js), by its hash.
const START = startScript();
const START_HASH = `'sha256-${createHash('sha256').update(START).digest('base64')}'`;
const CSP = `default-src 'self'; script-src 'self' 'wasm-unsafe-eval' ${START_HASH}; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'`;

/** Collects CSP violations (the event, and Chromium's console report). */
async function watchCsp(page) {
  const violations = [];
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });
  return async () => [...violations, ...(await page.evaluate(() => window.__csp))];
}

for (const [where, base] of [['at the root', NGINX_ROOT], ['under a sub-path', NGINX_SUB], ['served by offers serve', OFFERS_SERVE]]) {
  test(`${where}: the board works under the strict CSP, with no violation`, async ({ page }) => {
    const violations = await watchCsp(page);
    const response = await page.goto(base);
    expect(response.headers()['content-security-policy']).toBe(CSP);
    const board = new BoardPage(page);
    await board.loaded();
    await expect(board.cards).toHaveCount(open.length);
    // Search, a facet, an offer page and back: every kind of interaction, still no violation.
    await board.search.fill('design');
    await expect(board.cards.first()).toBeVisible();
    await board.goto('');
    await page.goto(`${base}?offre=charge-mission-design`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Chargée ou chargé de mission design des services numériques');
    await page.getByRole('link', { name: 'Retour aux offres' }).first().click();
    await expect(board.cards).toHaveCount(open.length);
    expect(new URL(page.url()).pathname).toBe(new URL(base).pathname);
    expect(await violations()).toEqual([]);
  });

  test(`${where}: cache headers, content types and precompressed files`, async () => {
    const ctx = await request.newContext();
    const index = await ctx.get(base, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(index.headers()['cache-control']).toBe('no-cache');
    expect(index.headers()['content-encoding']).toBe('br');
    const html = await (await ctx.get(base, { headers: { 'accept-encoding': 'identity' } })).text();
    // One inline script, the start, exactly as the CSP's hash allows it; no preload of the module:
    // the start fetches it, named in a <meta>, once the page has painted.
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(inline).toEqual([START]);
    expect(html).not.toMatch(/rel="(module)?preload"/);
    const [jsName, wasmName] = html.match(/<meta name="offres-module" content="\.\/(offres-[0-9a-f]+\.js) \.\/(offres-[0-9a-f]+_bg\.wasm)">/).slice(1);
    const wasm = await ctx.get(base + wasmName, { headers: { 'accept-encoding': 'gzip' } });
    expect(wasm.headers()['content-type']).toBe('application/wasm');
    expect(wasm.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(wasm.headers()['content-encoding']).toBe('gzip');
    const js = await ctx.get(base + jsName);
    expect(js.headers()['content-type']).toMatch(/javascript/);
    expect(js.headers()['cache-control']).toContain('immutable');
    const bundle = await ctx.get(`${base}offers.json`, { headers: { 'accept-encoding': 'br' } });
    expect(bundle.headers()['content-type']).toMatch(/^application\/json/);
    expect(bundle.headers()['cache-control']).toBe('no-cache');
    expect(bundle.headers()['content-encoding']).toBe('br');
    // Shared caches keep one copy per encoding.
    for (const response of [index, wasm, bundle]) expect(response.headers()['vary']).toMatch(/Accept-Encoding/i);
    expect((await ctx.get(`${base}feed.atom`)).headers()['content-type']).toMatch(/^application\/atom\+xml/);
    expect((await ctx.get(`${base}absent.js`)).status()).toBe(404);
    await ctx.dispose();
  });
}

test('offers check-site passes on the built site, and fails on a bundle replaced without its compressed copies', () => {
  const dir = mkdtempSync(join(tmpdir(), 'offres-site-'));
  cpSync(SITE, dir, { recursive: true });
  const check = () => spawnSync('cargo', ['run', '-q', '-p', 'offers-cli', '--', 'check-site', dir], { encoding: 'utf8' });
  const good = check();
  expect(good.status, good.stderr).toBe(0);
  expect(good.stdout).toMatch(/copie\(s\) compressée\(s\) identiques à leur source/);
  // A new bundle uploaded alone: nginx would go on serving offers.json.br and .gz, the old offers.
  const bundle = JSON.parse(readFileSync(join(dir, 'offers.json'), 'utf8'));
  bundle.offers.pop();
  writeFileSync(join(dir, 'offers.json'), JSON.stringify(bundle));
  // And a file the worker and the page need, missing.
  const css = readdirSync(dir).find((f) => /^offres-[0-9a-f]{8,16}\.css$/.test(f));
  rmSync(join(dir, css));
  // A feed an offer page links to, gone (the no-JS pages' links must resolve inside the site).
  const page = readdirSync(join(dir, 'offres')).find((f) => f.endsWith('.html'));
  const feed = readFileSync(join(dir, 'offres', page), 'utf8').match(/href="\.\.\/(feeds\/[^"]+\.atom)"/)[1];
  rmSync(join(dir, feed));
  const bad = check();
  expect(bad.status).toBe(1);
  expect(bad.stderr).toContain('offers.json.br n\'est pas');
  expect(bad.stderr).toContain('offers.json.gz n\'est pas');
  expect(bad.stderr).toContain(`${css} : nommé par ${join(dir, 'index.html')} mais absent`);
  expect(bad.stderr).toContain(`${css} : nommé par ${join(dir, 'sw.js')} mais absent`);
  expect(bad.stderr).toContain(`${css}.br : sans son fichier source`);
  expect(bad.stderr).toContain(`${feed} : nommé par ${join(dir, 'offres', page)} mais absent`);
  rmSync(dir, { recursive: true });
});
