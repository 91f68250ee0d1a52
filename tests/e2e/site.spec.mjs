// `offers site` alone: the binary with the app inside (target/offers-with-app, built by
// scripts/test.sh as scripts/release.sh builds it) publishes a copy of content/ into target/site,
// with no trunk, no Node and no app folder. That site must not differ from trunk's dist/ in any
// file that matters; scripts/test.sh then runs the board, offline, widget and hosting specs
// against it (SITE=target/site), served by `offers serve` and by nginx.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { test, expect } from '@playwright/test';
import { SITE } from '../../playwright.config.mjs';

const repo = new URL('../..', import.meta.url).pathname;
const binary = join(repo, 'target/offers-with-app');
const out = join(repo, 'target/site');
// As the trunk hook publishes dist/: its address, and the default bundle's generation time.
const SITE_URL = 'https://www.numerique.gouv.fr/rejoignez-nous/';

function files(dir) {
  const all = [];
  const walk = (d) => readdirSync(d).forEach((f) => {
    const p = join(d, f);
    if (statSync(p).isDirectory()) walk(p); else all.push(relative(dir, p));
  });
  walk(dir);
  return all.sort();
}

test.skip(SITE !== 'dist', 'writes target/site while the specs read dist/ only');

test('offers site publishes content/ with the app inside it, as trunk built dist/', () => {
  expect(existsSync(binary), `${binary}: built by scripts/test.sh (cargo build -p offers-cli --features app)`).toBe(true);
  const version = spawnSync(binary, ['--version'], { encoding: 'utf8' });
  const glue = readdirSync(join(repo, 'dist')).find((f) => /^offres-[0-9a-f]{8,16}\.js$/.test(f));
  expect(version.stdout).toContain(`application ${glue.replace(/\.js$/, '')} intégrée`);

  const content = mkdtempSync(join(tmpdir(), 'offres-content-'));
  cpSync(join(repo, 'content'), content, { recursive: true });
  rmSync(out, { recursive: true, force: true });
  const bundle = JSON.parse(readFileSync(join(repo, 'public/offers.json'), 'utf8'));
  const run = spawnSync(binary, ['site', content, '-o', out, '--site-url', SITE_URL, '--generated-at', bundle.generated_at],
    { cwd: tmpdir(), encoding: 'utf8', env: { PATH: '/usr/bin:/bin' } });
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout).toMatch(/copie\(s\) compressée\(s\) identiques à leur source/);

  const dist = join(repo, 'dist');
  expect(files(out)).toEqual(files(dist));
  for (const name of files(dist)) {
    const [a, b] = [readFileSync(join(out, name)), readFileSync(join(dist, name))];
    // Compressed copies: the same text once decompressed (compressors differ by a few bytes).
    const unpack = name.endsWith('.br') ? brotliDecompressSync : name.endsWith('.gz') ? gunzipSync : (x) => x;
    const [plainA, plainB] = [unpack(a), unpack(b)];
    if (name.startsWith('offers.json')) {
      // The committed bundle is indented (readable diffs); a site's is compact: the same data.
      expect(JSON.parse(plainA), name).toEqual(JSON.parse(plainB));
    } else if (/\.(br|gz)$/.test(name)) {
      expect(plainA.equals(plainB), name).toBe(true);
    } else {
      expect(a.equals(b), `${name} differs between target/site and dist/`).toBe(true);
    }
  }
});
