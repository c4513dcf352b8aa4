// Screenshot comparisons of every view at 1440 and 390 px, light and dark (issue 15): a view
// whose parts vanish (as the dependency graph's measure nodes once did) or whose layout breaks
// fails here even when every role and name is still in the DOM. Stable on any machine: the
// clock is fixed, animations are off, the caret is hidden, and Chromium has only the DejaVu
// fonts from node_modules (tests/fonts/fonts.conf, set in playwright.config.js).
// Baselines: tests/e2e/screens.spec.js-snapshots/. After a deliberate visual change, look at the
// new images, then: npx playwright test screens --update-snapshots
const { test, expect } = require('@playwright/test');

const NOW = new Date('2026-12-01T10:00:00+01:00');

const VIEWS = [
  ['roadmap', '/'],
  // the whole page: the opened rows, bars and arrows lie below the first screen
  ['roadmap-open', '/?apne=PLL,KRITINFO&piler=1', { fullPage: true }],
  ['table', '/?oppsett=tabell'],
  ['detail', '/tiltak/PLL'],
  ['graph', '/?visning=avhengigheter', { fullPage: true }],
  ['ambitions', '/?visning=ambisjoner'],
  ['lens', '/?visning=for-oss&aktor=fastleger'],
  ['changes', '/?visning=endringer'],
  ['council', '/?visning=rad'],
  ['risks', '/?visning=risiko'],
  ['statement', '/tilgjengelighet'],
  ['english', '/?lang=en'],
];

for (const scheme of ['light', 'dark']) {
  for (const width of [1440, 390]) {
    test.describe(`${scheme} ${width}`, () => {
      test.use({ colorScheme: scheme, viewport: { width, height: width > 500 ? 900 : 844 } });
      for (const [name, url, extra] of VIEWS) {
        test(`screenshot ${name} ${scheme} ${width}`, async ({ page }) => {
          await page.clock.setFixedTime(NOW);
          await page.goto(url);
          await expect(page.locator(
            '.row-label, .card, .roadmap-table, .lens-view, .graph-view, .ambitions-view, .changes, .council, .risk-view, .statement',
          ).first()).toBeVisible({ timeout: 15000 });
          // the comparison (changes, council) loads the older feed too
          await expect(page.locator('.loading')).toHaveCount(0);
          await page.evaluate(() => document.fonts.ready);
          await expect(page).toHaveScreenshot(`${name}-${scheme}-${width}.png`, {
            animations: 'disabled',
            caret: 'hide',
            maxDiffPixelRatio: 0.003,
            ...extra,
          });
        });
      }
    });
  }
}
