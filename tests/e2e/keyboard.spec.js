// Keyboard only: the main tasks without a mouse (issue 6).
const { test, expect } = require('@playwright/test');
// Measures in the shipped feed (the count the filter bar reports against).
const { TOTAL, PRIORITISED } = require('./feed-facts');

async function tabTo(page, locator, max = 60, key = 'Tab') {
  for (let i = 0; i < max; i++) {
    if (await locator.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`not reachable by ${key}: ${locator}`);
}

test('keyboard journey: skip link, search, regroup, arrows in the timeline, open and close a measure', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('.row-label').first()).toBeVisible();

  // the first Tab reaches the skip link, which moves focus to the main content
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Hopp til veikartet' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();

  // search by typing
  const search = page.getByRole('searchbox', { name: 'Søk i tiltak' });
  await tabTo(page, search);
  await page.keyboard.type('deling');
  await expect(page.locator('.result-count')).toHaveText(new RegExp(`^Viser \\d+ av ${TOTAL} tiltak$`));
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await expect(page.locator('.result-count')).toHaveText(`Viser ${TOTAL} av ${TOTAL} tiltak`);

  // regroup by priority with Enter on a toolbar button
  const prio = page.getByRole('button', { name: 'De fem prioriterte' });
  await tabTo(page, prio);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/gruppering=prioritet/);

  // into the timeline: Tab to the first measure, arrows between measures and into milestones
  const first = page.locator('.row-label .measure-link').first();
  await tabTo(page, first);
  await expect(first).toContainText('PLL');
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('.row-label .measure-link').nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(first).toBeFocused();
  await page.keyboard.press('ArrowRight');
  const pllMs = page.locator('g.milestone[data-measure="PLL"]');
  await expect(pllMs.first()).toBeFocused();
  await expect(pllMs.first()).toHaveAttribute('aria-label', /—/);
  await page.keyboard.press('ArrowRight');
  await expect(pllMs.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(first).toBeFocused();
  await page.keyboard.press('End');
  await expect(page.locator('.row-label .measure-link').last()).toBeFocused();
  await page.keyboard.press('Home');
  await expect(first).toBeFocused();

  // open the measure with Enter; Esc closes and focus returns to its row
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/tiltak\/PLL/);
  await expect(page.getByRole('complementary')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('complementary')).toHaveCount(0);
  await expect(first).toBeFocused();

  // focus is always visible: the focused element has an outline or box-shadow
  const ring = await first.evaluate((el) => {
    const cs = getComputedStyle(el);
    return cs.outlineStyle !== 'none' || cs.boxShadow !== 'none';
  });
  expect(ring).toBe(true);
});

test('keyboard: filters and the actor lens without a mouse', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('.row-label').first()).toBeVisible();
  const filterBtn = page.getByRole('button', { name: 'Filtrer' });
  await tabTo(page, filterBtn);
  await page.keyboard.press('Enter');
  await expect(filterBtn).toHaveAttribute('aria-expanded', 'true');
  const prioOnly = page.getByRole('checkbox', { name: /Bare de fem prioriterte/ });
  await tabTo(page, prioOnly, 120);
  await page.keyboard.press('Space');
  await expect(page.locator('.result-count')).toHaveText(`Viser ${PRIORITISED} av ${TOTAL} tiltak`);

  const lensTab = page.getByRole('button', { name: 'For oss' });
  await tabTo(page, lensTab, 60, 'Shift+Tab');
  await page.keyboard.press('Enter');
  const select = page.getByLabel('Velg organisasjon eller brukergruppe');
  await tabTo(page, select);
  await select.selectOption({ label: 'Apotek' });
  await expect(page).toHaveURL(/aktor=apotek/);
});

test('table layout holds the same rows as the timeline; the statement lists known gaps', async ({ page }) => {
  await page.goto('/?apne=PLL');
  const timelineRows = await page.locator('.row-label').evaluateAll((els) => els.map((e) => e.dataset.measure));
  await page.getByRole('button', { name: 'Tabell', exact: true }).click();
  await expect(page).toHaveURL(/oppsett=tabell/);
  const table = page.getByRole('table', { name: /som tabell/ });
  await expect(table).toBeVisible();
  const tableRows = await table.locator('tbody tr').evaluateAll((els) => els.map((e) => e.dataset.measure));
  expect(tableRows).toEqual(timelineRows);
  await expect(table.getByRole('rowheader', { name: /PLL – Pasientens legemiddelliste/ })).toBeVisible();
  await expect(table.locator('tr[data-measure="PLL"]')).toContainText('Innført for over halvparten av pasientene');

  await page.getByRole('link', { name: 'Tilgjengelighetserklæring' }).click();
  await expect(page).toHaveURL(/\/tilgjengelighet/);
  await expect(page.getByRole('heading', { name: 'Tilgjengelighetserklæring' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Kjente mangler' })).toBeVisible();
  await page.getByRole('link', { name: 'Tilbake til veikartet' }).click();
  await expect(page.getByRole('table', { name: /som tabell/ })).toBeVisible();
});
