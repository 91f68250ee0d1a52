// Long tasks as a visitor's browser has them: a Chromium that no DevTools client drives loads the
// page, and the page reports its long tasks itself. Under Playwright, the DevTools network agent
// copies every response body and decodes a JSON one as text when it ends: 120 to 150 ms in one
// task for a 15 MB bundle (a trace: ResponseBodyLoader::DidFinishLoadingBody,
// TextResourceDecoder::Decode), work no visitor's browser does.
// The browser first shows a page that waits (WAIT_MS), then goes to the page measured: a
// Chromium that has just started spends its first second or so loading a page of its own in
// another process (the address bar's menu, chrome://omnibox-popup.top-chrome: some 400 modules),
// most of a core on this 2-core machine. A trace of the page's first load showed its first layout
// as a task of 51 ms of which 16.5 ms ran (CPU time): the rest waited for a core. A visitor's page
// opens in a browser already started.
// Used by tests/e2e/scale.spec.mjs and scripts/bench-browser.mjs, each with its own server.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** How long the browser waits on its first page before it goes to the page measured. */
const WAIT_MS = 3000;
/** That first page, at any path with this prefix: it goes to the address after the prefix. */
const WAITING = '/__wait/';

// Added at the top of index.html's <head>: records long tasks from the start, and posts them with
// the app's marks once the board is the app's, its offers indexed.
// Long animation frames too (Chromium 123+), for what a long task was: each script's entry point
// and time, and the frame's style and layout.
const PROBE = `<script>window.__t=[];window.__f=[];new PerformanceObserver((l)=>{for(const e of l.getEntries())__t.push({start:e.startTime,end:e.startTime+e.duration})}).observe({type:'longtask',buffered:true});
try{new PerformanceObserver((l)=>{for(const e of l.getEntries())__f.push({start:e.startTime,end:e.startTime+e.duration,styleAndLayout:e.styleAndLayoutStart?e.startTime+e.duration-e.styleAndLayoutStart:0,
scripts:e.scripts.map((s)=>({what:s.invoker||s.invokerType,from:s.sourceURL.split('/').pop(),ms:s.duration,forcedLayout:s.forcedStyleAndLayoutDuration}))})}).observe({type:'long-animation-frame',buffered:true})}catch{}
const probe=setInterval(()=>{if(document.getElementById('offres')?.dataset.app==='ready'&&performance.getEntriesByName('offres:index').length){clearInterval(probe);
fetch('/report',{method:'POST',body:JSON.stringify({tasks:__t,frames:__f,marks:Object.fromEntries(performance.getEntriesByType('mark').map((m)=>[m.name,m.startTime]))})})}},50);</script>`;

/** What the long task `task` ({ start, end }) was, in words, from the long animation frame that
 * holds it (`frames`, from `load`): its scripts' entry points and times, the frame's style and
 * layout. */
export function describeTask(task, frames) {
  const frame = frames.find((f) => f.start <= task.start + 1 && f.end >= task.end - 1);
  if (!frame) return 'no long animation frame holds it';
  const scripts = frame.scripts.map((s) => `${s.what} (${s.from || 'inline'}) ${Math.round(s.ms)} ms${s.forcedLayout ? `, of which forced style and layout ${Math.round(s.forcedLayout)} ms` : ''}`);
  return `${scripts.join('; ') || 'no script'}; the frame's style and layout ${Math.round(frame.styleAndLayout)} ms`;
}

/** For a server that serves the site in `site`: `answer` takes the page's report and, during a
 * `load`, serves its index.html with the probe; `load(url)` gives `{ tasks, frames, marks }` (frames: the long animation frames, with their scripts). */
export function withoutDevTools(site) {
  let reported = null;
  return {
    /** Whether `answer` took this request (`path`: its pathname). */
    answer(req, res, path) {
      if (path === '/report') {
        let body = '';
        req.on('data', (c) => { body += c; });
        req.on('end', () => { res.end(); reported?.(JSON.parse(body)); });
        return true;
      }
      if (reported && path.startsWith(WAITING)) {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(`<!doctype html><title>…</title><script>setTimeout(()=>location.replace(decodeURIComponent(location.pathname.slice(${WAITING.length}))),${WAIT_MS})</script>`);
        return true;
      }
      if (reported && path === '/') {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(readFileSync(join(site, 'index.html'), 'utf8').replace('<head>', `<head>${PROBE}`));
        return true;
      }
      return false;
    },
    async load(url, timeoutMs = 90_000) {
      const report = new Promise((r) => { reported = r; });
      const profile = mkdtempSync(join(tmpdir(), 'offres-no-devtools-'));
      const chromium = spawn(process.env.CHROMIUM || '/usr/bin/chromium', ['--headless=new', '--no-sandbox',
        '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
        '--no-first-run', `--user-data-dir=${profile}`, new URL(WAITING + encodeURIComponent(url), url).href], { stdio: 'ignore', detached: true });
      const exited = new Promise((r) => chromium.once('exit', r));
      let timer;
      try {
        return await Promise.race([report, new Promise((_, no) => {
          timer = setTimeout(() => no(new Error(`no report from the page in ${timeoutMs} ms`)), timeoutMs);
        })]);
      } finally {
        reported = null;
        clearTimeout(timer);
        // The browser and the processes it started (its own group): none may write to the
        // profile while it is removed.
        if (chromium.exitCode === null && chromium.signalCode === null) {
          process.kill(-chromium.pid, 'SIGKILL');
          await exited;
        }
        rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
      }
    },
  };
}
