// Issue 18: a large feed's first view draws the rows on screen, once. The timeline waits for its
// width and measures where it is on the page before it draws rows (src/hooks.rs,
// use_viewport_window), so no row is drawn for a guessed window and then taken away again.
const { test, expect } = require('@playwright/test');

// The default feed, its measures copied 20 times (600 measures: the timeline then draws only the
// rows near the viewport). Every id stays unique; copies carry no priority and no `replaces`.
async function bigFeed(request) {
  const feed = await (await request.get('/public/feed.json')).json();
  const ids = new Set(feed.measures.map((m) => m.id));
  const copy = (m, k) => {
    const walk = (v) => {
      if (Array.isArray(v)) return v.map(walk);
      if (v && typeof v === 'object') {
        const o = {};
        for (const [key, x] of Object.entries(v)) {
          if (key === 'replaces' || key === 'priority') continue;
          o[key] = key === 'id' || (key === 'parent' && ids.has(x)) ? `${x}-c${k}` : walk(x);
        }
        return o;
      }
      return v;
    };
    return walk(m);
  };
  const copies = [];
  for (let k = 1; k < 20; k++) copies.push(...feed.measures.map((m) => copy(m, k)));
  feed.measures.push(...copies);
  return JSON.stringify(feed);
}

test('600 measures: the first rows drawn are the ones on screen, and none is taken away', async ({ page, request }) => {
  const body = await bigFeed(request);
  await page.route((url) => url.pathname === '/big.json', (route) => route.fulfill({ body, contentType: 'application/json' }));
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.addInitScript(() => {
    window.__labelsRemoved = 0;
    new MutationObserver((ms) => {
      for (const m of ms) {
        for (const n of m.removedNodes) {
          if (n.nodeType === 1 && (n.matches('.row-label') || n.querySelector('.row-label'))) window.__labelsRemoved += 1;
        }
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto('/?feed=/big.json');
  await page.waitForFunction(() => performance.getEntriesByName('veikart:first-roadmap-paint').length > 0, null, { timeout: 20000 });
  await page.waitForTimeout(500);
  const r = await page.evaluate(() => {
    const labels = [...document.querySelectorAll('.row-label')];
    const boxes = labels.map((l) => l.getBoundingClientRect());
    return { removed: window.__labelsRemoved, n: labels.length, lastBottom: Math.max(...boxes.map((b) => b.bottom)), firstTop: Math.min(...boxes.map((b) => b.top)), vh: innerHeight };
  });
  expect(r.removed).toBe(0);
  // the drawn rows are a window, not all 600, and they cover the screen below the timeline's top
  expect(r.n).toBeGreaterThan(10);
  expect(r.n).toBeLessThan(150);
  expect(r.firstTop).toBeLessThan(r.vh);
  expect(r.lastBottom).toBeGreaterThan(r.vh);
  // and they are real, visible boxes with the feed's names
  await expect(page.locator('.row-label').first()).toBeVisible();
  await expect(page.locator('.row-label .name').first()).not.toHaveText('');
});
