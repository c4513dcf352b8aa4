// WCAG 2.1 AA: axe-core reports 0 violations on every view and state (issue 6).
const { test, expect } = require('@playwright/test');
const { AxeBuilder } = require('@axe-core/playwright');

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function axe(page, label) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const summary = results.violations.map((v) => `${label}: ${v.id} (${v.impact}) ×${v.nodes.length}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  expect(summary, summary.join('\n')).toEqual([]);
  // axe really ran and looked at something
  expect(results.passes.length).toBeGreaterThan(5);
}

const ready = (page) => expect(page.locator('.row-label, .card, .lens-view, .graph-view, .ambitions-view, .roadmap-table, .risk-view, .statement').first()).toBeVisible();

const STATES = [
  ['timeline', '/'],
  ['timeline, PLL open, arrows, quarters', '/?apne=PLL,DOKDELING&piler=1&zoom=kvartal'],
  ['grouped by owner', '/?gruppering=eier'],
  ['list layout', '/?oppsett=liste&apne=PLL'],
  ['table layout', '/?oppsett=tabell&apne=PLL'],
  ['accessibility statement', '/tilgjengelighet'],
  ['detail panel', '/tiltak/PLL'],
  ['detail panel of a sub-measure', '/tiltak/KI-2'],
  ['dependency graph', '/?visning=avhengigheter'],
  ['ambitions', '/?visning=ambisjoner'],
  ['actor lens', '/?visning=for-oss&aktor=fastleger'],
  ['risks', '/?visning=risiko'],
  ['english risks', '/?lang=en&visning=risiko'],
  ['filtered, nothing matches', '/?q=ingenting-slikt'],
  ['embed mode', '/?embed=1&gruppering=prioritet'],
  ['nynorsk', '/?lang=nn'],
  ['english', '/?lang=en&visning=ambisjoner'],
];

for (const [label, url] of STATES) {
  test(`axe: ${label}`, async ({ page }) => {
    await page.goto(url);
    if (!url.includes('ingenting')) await ready(page);
    else await expect(page.locator('.result-count')).toHaveText(/Ingen tiltak/);
    await axe(page, label);
  });
}

test('axe: filter panel open', async ({ page }) => {
  await page.goto('/');
  await ready(page);
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await expect(page.locator('#vk-filter-panel')).toBeVisible();
  await page.getByRole('checkbox', { name: /Bare de fem prioriterte/ }).check();
  await expect(page.locator('.chips')).toBeVisible();
  await axe(page, 'filters open');
});

test('axe: mobile 390 px list and 320 px reflow without page-level horizontal scroll', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  await expect(page.locator('.card').first()).toBeVisible();
  await axe(page, 'mobile');
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto('/?oppsett=tidslinje');
  await expect(page.locator('.row-label').first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('axe: error state', async ({ page }) => {
  await page.route('**/public/feed.json', (r) => r.fulfill({ status: 500, body: 'x' }));
  await page.goto('/');
  await expect(page.getByRole('alert')).toBeVisible();
  await axe(page, 'error');
});

for (const [label, url] of [['timeline', '/?apne=PLL&piler=1'], ['detail', '/tiltak/PLL'], ['filters and list', '/?oppsett=liste&prioritert=1'], ['graph', '/?visning=avhengigheter']]) {
  test(`axe, dark mode: ${label}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(url);
    await ready(page);
    // the dark tokens are really in use
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    // (Designsystemet's dark neutral background: a dark colour, whatever its exact value)
    const [r, g, b] = bg.match(/\d+/g).map(Number);
    expect(0.2126 * r + 0.7152 * g + 0.0722 * b, `background ${bg}`).toBeLessThan(40);
    await axe(page, `dark ${label}`);
  });
}

test('feed text shown in a fallback language is marked with its own lang', async ({ page, request }) => {
  const feed = await (await request.get('/public/feed.json')).json();
  const top = feed.measures.filter((m) => !m.parent);
  const without = top.find((m) => !m.name.nn);
  const withNn = top.find((m) => m.name.nn);
  expect(without && withNn).toBeTruthy();
  await page.goto('/?lang=nn');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nn');
  const a = page.locator(`.row-label[data-measure="${without.id}"] .name`);
  await expect(a).toHaveText(without.name.nb);
  await expect(a).toHaveAttribute('lang', 'nb');
  const b = page.locator(`.row-label[data-measure="${withNn.id}"] .name`);
  await expect(b).toHaveText(withNn.name.nn);
  await expect(b).not.toHaveAttribute('lang', /./);
});
