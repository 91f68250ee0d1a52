// What the cross-engine suite runs on: dist/ served as a static host does (with the CORS header
// the widget needs, as deploy/nginx does), a host page of another origin (demo/), and each
// engine's WebDriver server, started here and stopped after its suite. The recipe for each engine
// is ../shared/TOOLCHAIN.md's.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, join } from 'node:path';
import { AXE_TAGS } from '../e2e/pages/axe-tags.mjs';

const root = new URL('../../', import.meta.url).pathname;
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json',
  '.atom': 'application/atom+xml', '.xml': 'text/xml', '.txt': 'text/plain',
};

function serve(dir, rewrite = (text) => text) {
  const server = createServer((req, res) => {
    let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path.endsWith('/')) path += 'index.html';
    const file = join(dir, path);
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'access-control-allow-origin': '*' });
      return res.end('Not Found');
    }
    const type = TYPES[extname(file)] || 'application/octet-stream';
    const body = type.startsWith('text/html') ? rewrite(readFileSync(file, 'utf8')) : readFileSync(file);
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache', 'access-control-allow-origin': '*' });
    res.end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** The board (dist/) and a host page server on another origin (its port differs). */
export async function startSite() {
  const board = await serve(join(root, 'dist'));
  const boardUrl = `http://127.0.0.1:${board.address().port}/`;
  const host = await serve(join(root, 'demo'), (text) => text.replaceAll('{{BOARD}}', boardUrl));
  return {
    board: boardUrl,
    host: (page) => `http://127.0.0.1:${host.address().port}/${page}`,
    close: () => { board.close(); host.close(); },
  };
}

const freePort = () => new Promise((resolve) => {
  const s = createServer();
  s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

async function waitFor(url, what, child) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited (${child.exitCode})`);
    try {
      if ((await fetch(url)).ok) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not answer at ${url}`);
}

const which = (name) => (process.env.PATH || '').split(':').map((d) => join(d, name)).find((p) => existsSync(p));

/** Starts the WebDriver server of `engine`; returns its URL, the capabilities and a stop. */
export async function startDriver(engine) {
  const port = await freePort();
  const children = [];
  const env = { ...process.env };
  let command;
  let capabilities;
  if (engine === 'chromium') {
    command = ['/usr/bin/chromedriver', [`--port=${port}`]];
    capabilities = {
      browserName: 'chrome',
      webSocketUrl: true,
      'goog:chromeOptions': {
        binary: process.env.CHROMIUM || '/usr/bin/chromium',
        args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
          '--disable-component-update', '--disable-sync', '--no-first-run'],
      },
    };
  } else if (engine === 'firefox') {
    const geckodriver = which('geckodriver');
    if (!geckodriver) throw new Error('geckodriver not found (scripts/setup.sh installs it)');
    command = [geckodriver, ['--port', String(port), '--log', 'fatal']];
    capabilities = {
      browserName: 'firefox',
      webSocketUrl: true,
      'moz:firefoxOptions': { binary: '/usr/bin/firefox-esr', args: ['-headless'] },
    };
  } else if (engine === 'webkit') {
    // WebKitGTK has no headless mode: a virtual display, unless there is a real one.
    if (!env.DISPLAY) {
      const display = `:${90 + (process.pid % 9)}`;
      const xvfb = spawn('Xvfb', [display, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
      children.push(xvfb);
      env.DISPLAY = display;
      await new Promise((r) => setTimeout(r, 500));
    }
    command = ['WebKitWebDriver', [`--port=${port}`]];
    capabilities = {
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': {
        binary: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
        args: ['--automation'],
      },
    };
  } else {
    throw new Error(`unknown engine ${engine}`);
  }
  const driver = spawn(command[0], command[1], { env, stdio: 'ignore' });
  children.push(driver);
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/status`, command[0], driver);
  return {
    url,
    capabilities,
    stop: () => { for (const c of children.reverse()) c.kill(); },
  };
}

/**
 * The console's errors and uncaught exceptions of every page the session opens, where the driver
 * can read them: WebDriver BiDi in Chromium and Firefox. WebKitGTK's driver offers neither BiDi nor
 * a log endpoint: an empty list that stays empty.
 */
export async function consoleErrors(driver, engine) {
  const errors = [];
  if (engine === 'webkit') return errors;
  const { default: LogInspector } = await import('selenium-webdriver/bidi/logInspector.js');
  const inspector = await LogInspector(driver);
  await inspector.onConsoleEntry((entry) => { if (entry.level === 'error') errors.push(entry.text); });
  await inspector.onJavascriptException((entry) => errors.push(`exception: ${entry.text}`));
  return errors;
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's violations in the page as it is, as "rule: targets". */
export async function runAxe(driver) {
  await driver.executeScript(AXE);
  const result = await driver.executeAsyncScript(`
    const done = arguments[arguments.length - 1];
    axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(AXE_TAGS)} } })
      .then((r) => done({ violations: r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')), passes: r.passes.length }))
      .catch((e) => done({ error: String(e) }));
  `);
  if (result.error) throw new Error(`axe-core: ${result.error}`);
  if (result.passes < 10) throw new Error(`axe-core checked too little (${result.passes} passes)`);
  return result.violations;
}
