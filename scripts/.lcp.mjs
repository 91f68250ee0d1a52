import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
for (const vp of [{ width: 412, height: 823 }, { width: 1350, height: 940 }]) {
  const ctx = await browser.newContext({ viewport: vp, deviceScaleFactor: vp.width < 500 ? 1.75 : 1 });
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.addInitScript(() => { window.__lcp = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lcp.push([Math.round(e.startTime), e.size, e.element && e.element.tagName + '.' + e.element.className]); }).observe({ type: 'largest-contentful-paint', buffered: true }); });
  await page.goto(process.argv[2]);
  await page.waitForSelector('#offres[data-app=ready]', { timeout: 20000 });
  await page.waitForTimeout(500);
  console.log(vp.width, JSON.stringify(await page.evaluate(() => ({ lcp: window.__lcp, take: Math.round(performance.getEntriesByName('offres:take-over')[0].startTime), fcp: Math.round(performance.getEntriesByName('first-contentful-paint')[0].startTime) }))));
}
await browser.close();
