// Tests that see what users see (issue 15): on every view and state, every visible link, button
// and graph node has a real box (not 0×0) that lies inside the page or its own scroll area, and
// no view is wider than the screen — at 1440, 390 and 320 px, and with absurdly long feed text.
const { test, expect } = require('@playwright/test');

const ready = (page) => expect(page.locator(
  '.row-label, .card, .roadmap-table, .lens-view, .graph-view, .ambitions-view, .changes, .council, .risk-view, .statement',
).first()).toBeVisible({ timeout: 15000 });

const VIEWS = [
  ['timeline', '/?oppsett=tidslinje'],
  ['timeline, rows open, arrows', '/?oppsett=tidslinje&apne=PLL,DOKDELING,KRITINFO&piler=1'],
  ['list', '/?oppsett=liste&apne=PLL'],
  ['table', '/?oppsett=tabell'],
  ['detail panel', '/tiltak/PLL?oppsett=tidslinje'],
  ['dependency graph', '/?visning=avhengigheter'],
  ['ambitions', '/?visning=ambisjoner'],
  ['actor lens', '/?visning=for-oss&aktor=fastleger'],
  ['change list', '/?visning=endringer'],
  ['council', '/?visning=rad'],
  ['risks', '/?visning=risiko'],
  ['statement', '/tilgjengelighet'],
];

/** Every visible control with its box and the part of the page it must lie in. */
async function controls(page) {
  return page.evaluate(() => {
    const out = [];
    const visible = (el) => {
      if (el.closest('[hidden], details:not([open]) > :not(summary)')) return false;
      const s = getComputedStyle(el);
      if (s.visibility === 'hidden' || s.display === 'none') return false;
      // visually-hidden helpers (skip links until focused) are not meant to be seen
      if (el.closest('.visually-hidden') || el.classList.contains('skip')) return false;
      return el.getClientRects().length > 0 || s.position === 'absolute';
    };
    for (const el of document.querySelectorAll('a[href], button, [role=link], [role=button], .graph .node')) {
      if (!visible(el)) continue;
      const r = el.getBoundingClientRect();
      // the scroll area it lives in: the nearest ancestor that clips or scrolls, else the page
      let area = null;
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const s = getComputedStyle(p);
        if (/(auto|scroll|hidden|clip)/.test(s.overflowX + s.overflowY)) { area = p; break; }
      }
      let inside;
      if (area) {
        const a = area.getBoundingClientRect();
        // inside the area's scrollable content box (scrolled into view or not)
        const left = a.left - area.scrollLeft, top = a.top - area.scrollTop;
        inside = r.right > left && r.left < left + area.scrollWidth + 1
          && r.bottom > top && r.top < top + area.scrollHeight + 1;
      } else {
        const doc = document.documentElement;
        inside = r.right > -window.scrollX && r.left < doc.scrollWidth - window.scrollX + 1
          && r.bottom > -window.scrollY && r.top < doc.scrollHeight - window.scrollY + 1;
      }
      const name = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('title') || '').trim().slice(0, 60);
      out.push({ tag: el.tagName.toLowerCase(), cls: el.className && el.className.baseVal === undefined ? el.className : '', name, w: r.width, h: r.height, inside });
    }
    return out;
  });
}

async function pageWidth(page) {
  return page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    inner: window.innerWidth,
  }));
}

for (const width of [1440, 390, 320]) {
  for (const [label, url] of VIEWS) {
    test(`visible at ${width} px: ${label}`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(url);
      await ready(page);
      await page.waitForTimeout(150);
      const list = await controls(page);
      expect(list.length, 'controls found').toBeGreaterThan(5);
      const empty = list.filter((c) => !(c.w >= 1 && c.h >= 1));
      expect(empty, `controls with no box: ${JSON.stringify(empty.slice(0, 5))}`).toEqual([]);
      const outside = list.filter((c) => !c.inside);
      expect(outside, `controls outside their page or scroll area: ${JSON.stringify(outside.slice(0, 5))}`).toEqual([]);
      if (label === 'dependency graph') {
        const nodes = list.filter((c) => /node/.test(c.cls));
        expect(nodes.length).toBeGreaterThan(5);
        expect(nodes.every((n) => n.w > 100 && n.h > 20)).toBe(true);
        // every node's label stays inside its box (two lines at most, then clipped)
        const spill = await page.evaluate(() => [...document.querySelectorAll('.graph .node')].filter((n) => {
          const r = n.getBoundingClientRect();
          const l = n.querySelector('.node-label').getBoundingClientRect();
          return l.left < r.left - 0.5 || l.right > r.right + 0.5 || l.top < r.top - 0.5 || l.bottom > r.bottom + 0.5;
        }).map((n) => n.title));
        expect(spill).toEqual([]);
      }
      const { scroll, inner } = await pageWidth(page);
      expect(scroll, `page is ${scroll} px wide at ${inner} px`).toBeLessThanOrEqual(inner);
    });
  }
}

// A feed whose names are 10 000 characters with no spaces must not widen any layout (issue 15,
// bug 9). It is generated from the shipped feed by the test feed server's static route.
test('very long names stay inside the screen in every layout', async ({ page, request }) => {
  const feed = await (await request.get('/public/feed.json')).json();
  const long = 'Ø'.repeat(10000);
  for (const m of feed.measures) m.name = { nb: long, nn: long, en: long };
  for (const p of feed.phases) p.name = { nb: long, nn: long, en: long };
  for (const a of feed.actors) a.name = { nb: long, nn: long, en: long };
  for (const g of feed.goals) g.name = { nb: long, nn: long, en: long };
  await page.route((url) => url.pathname === '/long-names.json', (r) => r.fulfill({ json: feed }));
  for (const layout of ['tidslinje', 'liste', 'tabell']) {
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`/?feed=/long-names.json&oppsett=${layout}`);
      await expect(page.locator('.row-label, .card, .roadmap-table').first()).toBeVisible({ timeout: 15000 });
      const { scroll, inner } = await pageWidth(page);
      expect(scroll, `${layout} at ${width}: page is ${scroll} px wide`).toBeLessThanOrEqual(inner);
    }
  }
  for (const view of ['avhengigheter', 'ambisjoner', 'endringer', 'rad', 'risiko']) {
    await page.setViewportSize({ width: 390, height: 900 });
    await page.goto(`/?feed=/long-names.json&visning=${view}`);
    await ready(page);
    const { scroll, inner } = await pageWidth(page);
    expect(scroll, `${view} at 390: page is ${scroll} px wide`).toBeLessThanOrEqual(inner);
  }
  await page.goto('/tiltak/PLL?feed=/long-names.json');
  await expect(page.locator('.detail h2')).toBeVisible();
  const { scroll, inner } = await pageWidth(page);
  expect(scroll, `detail at 390: page is ${scroll} px wide`).toBeLessThanOrEqual(inner);
});
