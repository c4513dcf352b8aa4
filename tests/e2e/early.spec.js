// Issue 18: index.html starts the feed download while the app's code loads (an inline script), and
// the app takes that request over only if it is exactly the one it would send
// (src/state/api.rs, take_early). Served by tests/server/feed_server.py, which counts requests.
const { test, expect } = require('@playwright/test');

const { BASE, serve, stats } = require('./feed-server');

test.use({ baseURL: BASE });
const lanes = (page) => page.locator('.lane-head').first();
const META = 'veikart:last-good:v1:/public/feed.json#meta';

test('the feed is requested once, before the wasm has arrived', async ({ page, request }) => {
  await serve(request, { mode: 'ok' });
  // The wasm comes 1.5 s late: an app that asks for the feed only once it runs would ask after that.
  await page.route(/_bg\.wasm$/, async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  const feedRequests = [];
  page.on('request', (r) => { if (r.url().endsWith('/public/feed.json')) feedRequests.push(r); });
  await page.goto('/');
  await expect(lanes(page)).toBeVisible({ timeout: 20000 });
  const t = await page.evaluate(() => {
    const res = performance.getEntriesByType('resource');
    const feed = res.filter((e) => e.name.endsWith('/public/feed.json'));
    const wasm = res.find((e) => /_bg\.wasm$/.test(e.name));
    return { feeds: feed.length, feedStart: feed[0]?.startTime, feedEnd: feed[0]?.responseEnd, wasmEnd: wasm?.responseEnd };
  });
  expect(feedRequests).toHaveLength(1);
  expect((await stats(request)).feed_requests).toBe(1);
  expect(t.feeds).toBe(1);
  expect(t.wasmEnd).toBeGreaterThan(1400);
  expect(t.feedStart).toBeLessThan(t.wasmEnd - 1000);
  expect(t.feedEnd).toBeLessThan(t.wasmEnd);
});

test('a refused ?feed= starts no download anywhere, and says why', async ({ page }) => {
  const seen = [];
  page.on('request', (r) => { if (r.resourceType() !== 'document') seen.push(r.url()); });
  for (const bad of ['https://evil.example/feed.json', '//evil.example/feed.json', '/public/feed.json\\x']) {
    await page.goto(`/?feed=${encodeURIComponent(bad)}`);
    await expect(page.getByRole('alert')).toBeVisible({ timeout: 15000 });
  }
  expect(seen.filter((u) => u.includes('evil.example') || u.includes('feed.json'))).toEqual([]);
});

test('a stored copy: the early request is conditional and a 304 shows that copy, one request', async ({ page, request }) => {
  await serve(request, { mode: 'ok' });
  await page.goto('/');
  await expect(lanes(page)).toBeVisible({ timeout: 15000 });
  await expect.poll(() => page.evaluate((k) => localStorage.getItem(k), META)).toMatch(/^\d+\n"[0-9a-f]+"\n/);
  const before = await page.evaluate((k) => [localStorage.getItem(k), localStorage.getItem(k.replace('#meta', ''))], META);
  await serve(request, { mode: 'ok' }); // resets the counters
  await page.waitForTimeout(1100); // the stored fetch time has whole milliseconds; make the new one later
  await page.reload();
  await expect(lanes(page)).toBeVisible({ timeout: 15000 });
  await expect(page.locator('.stale-banner')).toHaveCount(0);
  expect(await stats(request)).toEqual({ feed_requests: 1, conditional: 1, not_modified: 1 });
  // The 304 renews the record's fetch time only; the stored text stays as it was.
  await expect.poll(() => page.evaluate((k) => localStorage.getItem(k), META)).not.toBe(before[0]);
  const after = await page.evaluate((k) => [localStorage.getItem(k), localStorage.getItem(k.replace('#meta', ''))], META);
  expect(Number(after[0].split('\n')[0])).toBeGreaterThan(Number(before[0].split('\n')[0]));
  expect(after[0].split('\n').slice(1)).toEqual(before[0].split('\n').slice(1));
  expect(after[1]).toBe(before[1]);
});

test('a stored copy that no longer loads: the early conditional request is cancelled and the feed fetched afresh', async ({ page, request }) => {
  await serve(request, { mode: 'ok' });
  await page.goto('/');
  await expect(lanes(page)).toBeVisible({ timeout: 15000 });
  await expect.poll(() => page.evaluate((k) => localStorage.getItem(k), META)).toMatch(/^\d+\n"[0-9a-f]+"\n/);
  // The copy breaks but its ETag stays: index.html sends If-None-Match, the app (which drops the
  // broken copy) would not, so it must not use that request's 304.
  await page.evaluate(() => localStorage.setItem('veikart:last-good:v1:/public/feed.json', '{"broken'));
  await serve(request, { mode: 'delay', delay_ms: 800 });
  await page.reload();
  await expect(lanes(page)).toBeVisible({ timeout: 15000 });
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.locator('.stale-banner')).toHaveCount(0);
  const s = await stats(request);
  expect(s.feed_requests).toBeGreaterThanOrEqual(1);
  expect(s.feed_requests - s.conditional).toBe(1); // one plain request: the app's own
});

test('the first date formatter is made while the code downloads, not on the way to the first paint', async ({ page, request }) => {
  await serve(request, { mode: 'ok' });
  // Every Intl.DateTimeFormat made on the page, with when; and when the app started.
  await page.addInitScript(() => {
    const Original = Intl.DateTimeFormat;
    window.__formatters = [];
    const Wrapped = function (...args) {
      window.__formatters.push(performance.now());
      return new Original(...args);
    };
    Wrapped.prototype = Original.prototype;
    Intl.DateTimeFormat = Wrapped;
    addEventListener('TrunkApplicationStarted', () => { window.__appStarted = performance.now(); });
  });
  // The wasm comes 1 s late, so "before the app starts" cannot happen by chance.
  await page.route(/_bg\.wasm$/, async (route) => {
    await new Promise((r) => setTimeout(r, 1000));
    await route.continue();
  });
  await page.goto('/');
  await expect(lanes(page)).toBeVisible({ timeout: 20000 });
  const { made, started } = await page.evaluate(() => ({ made: window.__formatters, started: window.__appStarted }));
  expect(started).toBeGreaterThan(900);
  expect(made.length).toBeGreaterThan(1); // the warm-up, then the app's own
  expect(made[0]).toBeLessThan(started - 500);
  expect(made.slice(1).every((t) => t > started)).toBe(true);
});
