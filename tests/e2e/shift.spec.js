// No layout shift while the app loads (issue 14): index.html's static frame stays until there is a
// feed or an error to show, then the app takes its place in one frame. Before, the header grew
// with the feed's title and moved the whole of <main> down (Lighthouse CLS 0.709 on desktop).
// The Layout Instability API in the page itself sums every shift, as Lighthouse's CLS does.
const { test, expect } = require('@playwright/test');

async function shifts(page, url, { delayFeedMs = 0 } = {}) {
  await page.addInitScript(() => {
    window.__vkShifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (!e.hadRecentInput) {
          window.__vkShifts.push({
            value: e.value,
            nodes: (e.sources || []).map((s) => (s.node && s.node.nodeType === 1
              ? `${s.node.tagName.toLowerCase()}${s.node.id ? '#' + s.node.id : ''}.${s.node.className}` : 'text')),
          });
        }
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  if (delayFeedMs) {
    await page.route('**/public/feed.json', async (route) => {
      await new Promise((r) => setTimeout(r, delayFeedMs));
      await route.continue();
    });
  }
  await page.goto(url);
  await expect(page.locator('#boot-shell')).toHaveCount(0, { timeout: 15_000 });
  await expect(page.locator('body')).not.toHaveAttribute('data-booting', /.*/);
  await page.waitForTimeout(800); // late shifts: fonts, observers, the first measured width
  return page.evaluate(() => window.__vkShifts);
}

for (const [width, height] of [[1350, 940], [390, 844]]) {
  for (const [label, url, opts] of [
    ['roadmap', '/', {}],
    ['roadmap, slow feed', '/', { delayFeedMs: 1200 }],
    ['English, actor lens', '/?lang=en&visning=for-oss&aktor=fastleger', {}],
    ['embedded', '/?embed=1&gruppering=prioritet', {}],
  ]) {
    test(`no layout shift on load at ${width} px: ${label}`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      const list = await shifts(page, url, opts);
      const total = list.reduce((a, s) => a + s.value, 0);
      expect(total, `layout shifts: ${JSON.stringify(list)}`).toBeLessThanOrEqual(0.01);
      // the app is on screen, not only out of the way
      await expect(page.locator('main#veikart')).toBeVisible();
    });
  }
}

test('a feed that fails still replaces the static frame with its message', async ({ page }) => {
  await page.route('**/public/feed.json', (route) => route.fulfill({ status: 500, body: 'no' }));
  await page.goto('/');
  await expect(page.getByRole('alert')).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('#boot-shell')).toHaveCount(0);
  await expect(page.locator('body')).not.toHaveAttribute('data-booting', /.*/);
});
