// Issue 18: index.html's early feed request also reads the body as it arrives (see its inline
// script), in the page's idle moments while the code downloads and compiles. When only the app
// read it, it read the body from the network stream, chunk by chunk, after it had started: on
// the way to the first paint (paired loads at 5 000 measures: first paint 738 → 677 ms).
const { test, expect } = require('@playwright/test');

const { BASE, serve, stats } = require('./feed-server');

test.use({ baseURL: BASE });
// The server keeps a config until the next one: the specs after this one get a prompt wasm.
test.afterAll(async ({ request }) => serve(request, { mode: 'ok' }));

test('the feed body has been read to its end before the app starts', async ({ page, request }) => {
  // The wasm comes 1.5 s late (from the server: the browser's request interception, which
  // page.route uses, would read bodies itself).
  await serve(request, { mode: 'ok', wasm_delay_ms: 1500 });
  // Every read of a body stream on the page: when, how many bytes, whether it was the end.
  await page.addInitScript(() => {
    window.__reads = [];
    const read = ReadableStreamDefaultReader.prototype.read;
    ReadableStreamDefaultReader.prototype.read = function () {
      return read.call(this).then((r) => {
        window.__reads.push({ t: performance.now(), done: r.done, n: r.value ? r.value.length : 0 });
        return r;
      });
    };
    addEventListener('TrunkApplicationStarted', () => { window.__appStarted = performance.now(); });
  });
  await page.goto('/');
  await expect(page.locator('.lane-head').first()).toBeVisible({ timeout: 20000 });
  const { reads, started, size } = await page.evaluate(() => ({
    reads: window.__reads,
    started: window.__appStarted,
    size: performance.getEntriesByType('resource').find((e) => e.name.endsWith('/public/feed.json')).decodedBodySize,
  }));
  expect(started).toBeGreaterThan(1400);
  const before = reads.filter((r) => r.t < started);
  expect(before.reduce((a, r) => a + r.n, 0)).toBe(size);
  expect(before.at(-1).done).toBe(true);
  expect((await stats(request)).feed_requests).toBe(1);
});
