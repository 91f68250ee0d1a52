// End-to-end tests: the release build in dist/ (or the site that SITE names, e.g. one written by
// `offers site` alone) served over HTTP on 127.0.0.1, driven in Debian's Chromium (no test tool
// can download a browser here).
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT || 4174);
/** The site under test: dist/ (trunk's build) unless SITE names another folder. */
export const SITE = process.env.SITE || 'dist';
// nginx with deploy/nginx/offres.conf: the site root, and the same files under /emplois/.
export const NGINX_ROOT = 'http://127.0.0.1:4175/';
export const NGINX_SUB = 'http://127.0.0.1:4176/emplois/';
/** The site served by `offers serve`, the preview with the deploy configuration's headers. */
export const OFFERS_SERVE = 'http://127.0.0.1:4177/';

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.mjs',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    // page.route() does not see what a service worker serves: blocked, except in the specs about
    // offline and hosting, which allow it.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: [
    {
      command: `python3 -m http.server ${port} --bind 127.0.0.1 --directory ${SITE}`,
      url: `http://127.0.0.1:${port}/index.html`,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'ignore',
    },
    {
      command: `cargo run -q -p offers-cli -- serve ${SITE} --port 4177`,
      url: 'http://127.0.0.1:4177/index.html',
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: 'bash scripts/nginx-test.sh 4175 4176',
      url: 'http://127.0.0.1:4176/emplois/index.html',
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
