// Filters, search, permalinks and the actor lens (issue 5), with role locators.
const { test, expect } = require('@playwright/test');
// Measures in the shipped feed (the count the filter bar reports against).
const { TOTAL, PRIORITISED } = require('./feed-facts');

function watchErrors(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  return errors;
}

const rows = (page) => page.locator('.tl-labels .row-label');
const count = (page) => page.locator('.result-count');

test('search ignores case and diacritics and announces the count', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await expect(count(page)).toHaveText(/^Viser \d+ av \d+ tiltak$/);
  const before = await rows(page).count();
  await page.getByRole('searchbox', { name: 'Søk i tiltak' }).fill('PROVESVAR');
  await expect(count(page)).toHaveText(/^Viser [1-9]\d* av \d+ tiltak$/);
  await expect(page.getByRole('link', { name: /Pasientens prøvesvar/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /Pasientens legemiddelliste/ })).toHaveCount(0);
  expect(await rows(page).count()).toBeLessThan(before);
  await expect(page).toHaveURL(/q=PROVESVAR/);
  // the count is in a live region
  await expect(count(page)).toHaveAttribute('role', 'status');

  await page.getByRole('searchbox', { name: 'Søk i tiltak' }).fill('ingenting-slikt');
  await expect(count(page)).toHaveText('Ingen tiltak passer til filteret.');
  await page.getByRole('button', { name: 'Nullstill filtre' }).click();
  await expect(count(page)).toHaveText(/^Viser (\d+) av \1 tiltak$/);
  await expect(page).not.toHaveURL(/q=/);
  expect(errors).toEqual([]);
});

test('a matching sub-measure is shown under its opened parent', async ({ page }) => {
  await page.goto('/?q=KI-2');
  await expect(page.getByRole('link', { name: /KI-2/ })).toBeVisible();
  const collapse = page.getByRole('button', { name: /Skjul deltiltak for .*kritisk/i });
  await expect(collapse).toHaveAttribute('aria-expanded', 'true');
  // the user can still close it while the filter holds it open
  await collapse.click();
  await expect(page.getByRole('link', { name: /KI-2/ })).toHaveCount(0);
  await expect(page).toHaveURL(/lukk=KRITINFO/);
  await page.getByRole('button', { name: /Vis deltiltak for .*kritisk/i }).click();
  await expect(page.getByRole('link', { name: /KI-2/ })).toBeVisible();
});

test('facets: OR within, AND across, counts, chips and clear', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await page.getByRole('button', { name: 'Filtrer' }).click();
  const panel = page.locator('#vk-filter-panel');
  await expect(panel).toBeVisible();
  const phase = panel.getByRole('group', { name: 'Fase' });
  // every option shows a count
  await expect(phase.locator('li .n').first()).toHaveText(/^\d+$/);

  await panel.getByRole('checkbox', { name: /^Bare de fem prioriterte/ }).check();
  await expect(page).toHaveURL(/prioritert=1/);
  await expect(page.locator('.row-label .prio')).toHaveCount(5);
  await expect(count(page)).toHaveText(`Viser ${PRIORITISED} av ${TOTAL} tiltak`);

  // AND across facets: prioritised AND goal 4 (all five sit under goal 4 in the default feed)
  const goal = panel.getByRole('group', { name: 'Mål' });
  const g4 = goal.getByRole('checkbox', { name: /Mål 4/ });
  const g4count = Number(await goal.locator('li', { hasText: 'Mål 4' }).locator('.n').textContent());
  await g4.check();
  await expect(count(page)).toHaveText(`Viser ${g4count} av ${TOTAL} tiltak`);
  // OR within a facet: adding goal 1 can only add rows
  await goal.getByRole('checkbox', { name: /Mål 1/ }).check();
  const orCount = Number((await count(page).textContent()).match(/Viser (\d+)/)[1]);
  expect(orCount).toBeGreaterThanOrEqual(g4count);

  const chips = page.getByRole('list', { name: 'Aktive filtre' });
  await expect(chips.getByRole('button')).toHaveCount(3);
  await chips.getByRole('button', { name: /Fjern filter: Mål: Mål 1/ }).click();
  await expect(chips.getByRole('button')).toHaveCount(2);
  await page.getByRole('button', { name: 'Nullstill filtre' }).click();
  await expect(chips).toHaveCount(0);
  await expect(count(page)).toHaveText(`Viser ${TOTAL} av ${TOTAL} tiltak`);
  expect(errors).toEqual([]);
});

test('permalink round-trip: the same URL in a new page gives the same view; back restores', async ({ page, context }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Eier' }).click();
  await page.getByRole('searchbox', { name: 'Søk i tiltak' }).fill('deling');
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await page.getByRole('group', { name: 'Tidsrom' }).getByLabel('Fra år').selectOption('2024');
  await expect(page).toHaveURL(/fra=2024/);
  const url = page.url();
  const labels = await rows(page).allTextContents();
  const heads = await page.locator('.lane-head h3').allTextContents();
  const countText = await count(page).textContent();

  const other = await context.newPage();
  await other.goto(url);
  await expect(count(other)).toHaveText(countText);
  expect(await other.locator('.lane-head h3').allTextContents()).toEqual(heads);
  expect(await rows(other).allTextContents()).toEqual(labels);
  await expect(other.getByRole('searchbox', { name: 'Søk i tiltak' })).toHaveValue('deling');
  await expect(other.getByRole('button', { name: 'Eier' })).toHaveAttribute('aria-pressed', 'true');

  // back removes the year filter again (one history entry per action)
  await page.goBack();
  await expect(page).not.toHaveURL(/fra=2024/);
  await expect(page).toHaveURL(/q=deling/);
});

test('copy link puts the current URL on the clipboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/?q=pll&gruppering=prioritet');
  await page.getByRole('button', { name: 'Kopier lenke' }).click();
  await expect(page.getByText('Lenken er kopiert')).toBeVisible();
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  expect(clip).toBe(page.url());
});

test('actor lens: what the roadmap means for fastleger', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await page.getByRole('button', { name: 'For oss' }).click();
  await expect(page.getByRole('heading', { name: 'Hva betyr veikartet for oss?' })).toBeVisible();
  await page.getByLabel('Velg organisasjon eller brukergruppe').selectOption({ label: 'Fastleger' });
  await expect(page).toHaveURL(/aktor=fastleger/);
  const table = page.locator('.lens-table');
  await expect(table.getByRole('link', { name: /KI-2/ })).toBeVisible();
  await expect(table.locator('tr', { hasText: 'KI-2' })).toContainText('Deler data');
  await expect(page.getByRole('heading', { name: 'Milepæler de neste 12 månedene' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Milepæler om 13–24 måneder' })).toBeVisible();
  // a measure link opens its detail panel with the lens still underneath
  await table.getByRole('link', { name: /KI-2/ }).click();
  await expect(page).toHaveURL(/\/tiltak\/KI-2\?.*aktor=fastleger/);
  await expect(page.getByRole('complementary')).toBeVisible();
  expect(errors).toEqual([]);
});
