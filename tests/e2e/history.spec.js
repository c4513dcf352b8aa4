// The view state and the browser history (issue 18: a change that keeps the path is written to
// the history by the app itself, not through the router's navigate). Every change is one history
// entry, typing in the search box replaces the current one, back and forward restore the state
// and the view, a reload of a pushed URL shows the same state, and the router's links and pages
// still interleave with the app's own entries.
const { test, expect } = require('@playwright/test');

const count = (page) => page.locator('.result-count');
const heads = (page) => page.locator('.lane-head h3');
const historyLength = (page) => page.evaluate(() => history.length);
const search = (page) => page.getByRole('searchbox', { name: 'Søk i tiltak' });
const grouping = (page, name) => page.getByRole('group', { name: 'Grupper etter' }).getByRole('button', { name, exact: true });
const ALL = /^Viser (\d+) av \1 tiltak$/;

function watchErrors(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  return errors;
}

test('a regroup and a filter change push one entry each, typing replaces, back/forward/reload restore', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await expect(count(page)).toHaveText(ALL);
  const h0 = await historyLength(page);
  const goalHeads = await heads(page).allTextContents();
  expect(goalHeads.length).toBeGreaterThan(1);

  // a regroup: one entry, the lanes follow
  await grouping(page, 'Eier').click();
  await expect(page).toHaveURL(/\/\?gruppering=eier$/);
  await expect(heads(page)).not.toHaveText(goalHeads);
  const ownerHeads = await heads(page).allTextContents();
  expect(await historyLength(page)).toBe(h0 + 1);

  // a filter change: one entry
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await page.locator('#vk-filter-panel').getByRole('checkbox', { name: /^Bare de fem prioriterte/ }).check();
  await expect(page).toHaveURL(/\/\?gruppering=eier&prioritert=1$/);
  await expect(count(page)).not.toHaveText(ALL);
  expect(await historyLength(page)).toBe(h0 + 2);

  // typing: every keystroke replaces the current entry
  await search(page).pressSequentially('leg');
  await expect(page).toHaveURL(/\/\?gruppering=eier&prioritert=1&q=leg$/);
  await expect(count(page)).toHaveText(/^Viser [1-9]\d* av \d+ tiltak$/);
  const typedCount = await count(page).textContent();
  const typedRows = await page.locator('.row-label .name').allTextContents();
  const typedUrl = page.url();
  expect(await historyLength(page)).toBe(h0 + 2);

  // back: the entry before the filter (the typing replaced the filter's entry)
  await page.goBack();
  await expect(page).toHaveURL(/\/\?gruppering=eier$/);
  await expect(count(page)).toHaveText(ALL);
  await expect(search(page)).toHaveValue('');
  await expect(heads(page)).toHaveText(ownerHeads);
  await expect(grouping(page, 'Eier')).toHaveAttribute('aria-pressed', 'true');
  // back again: the plain roadmap
  await page.goBack();
  await expect(page).toHaveURL(/\/$/);
  await expect(heads(page)).toHaveText(goalHeads);
  await expect(grouping(page, 'Eier')).toHaveAttribute('aria-pressed', 'false');

  // forward re-applies both
  await page.goForward();
  await expect(page).toHaveURL(/\/\?gruppering=eier$/);
  await expect(heads(page)).toHaveText(ownerHeads);
  await page.goForward();
  expect(page.url()).toBe(typedUrl);
  await expect(search(page)).toHaveValue('leg');
  await expect(count(page)).toHaveText(typedCount);
  await expect(page.locator('.row-label .name')).toHaveText(typedRows);
  expect(await historyLength(page)).toBe(h0 + 2);

  // a reload of the pushed URL shows the same state and view
  await page.reload();
  await expect(search(page)).toHaveValue('leg');
  await expect(count(page)).toHaveText(typedCount);
  await expect(page.locator('.row-label .name')).toHaveText(typedRows);
  await expect(grouping(page, 'Eier')).toHaveAttribute('aria-pressed', 'true');
  expect(await historyLength(page)).toBe(h0 + 2);
  expect(errors).toEqual([]);
});

test('the router’s links and pages interleave with the app’s own history entries', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await expect(count(page)).toHaveText(ALL);
  const h0 = await historyLength(page);
  const detail = page.locator('aside.detail');

  // the app's own entry, then a link the router follows (it carries the state)
  await grouping(page, 'Eier').click();
  await expect(page).toHaveURL(/\/\?gruppering=eier$/);
  const row = page.locator('.tl-labels .row-label').first();
  const id = await row.getAttribute('data-measure');
  await row.locator('a.measure-link').click();
  await expect(page).toHaveURL(new RegExp(`/tiltak/${id}\\?gruppering=eier$`));
  await expect(detail).toBeVisible();

  // a query change on the measure's page keeps the page (the app's own entry again)
  await grouping(page, 'Brukergruppe').click();
  await expect(page).toHaveURL(new RegExp(`/tiltak/${id}\\?gruppering=brukergruppe$`));
  await expect(detail).toBeVisible();

  // the statement and back to the roadmap, both links the router follows
  await page.getByRole('link', { name: 'Tilgjengelighetserklæring' }).click();
  await expect(page).toHaveURL(/\/tilgjengelighet\?gruppering=brukergruppe$/);
  await page.getByRole('link', { name: 'Tilbake til veikartet' }).click();
  await expect(page).toHaveURL(/\/\?gruppering=brukergruppe$/);
  await expect(detail).toHaveCount(0);
  await expect(grouping(page, 'Brukergruppe')).toHaveAttribute('aria-pressed', 'true');
  expect(await historyLength(page)).toBe(h0 + 5);

  // back through every entry, whoever wrote it
  const steps = [
    [/\/tilgjengelighet\?gruppering=brukergruppe$/, null],
    [new RegExp(`/tiltak/${id}\\?gruppering=brukergruppe$`), 'Brukergruppe'],
    [new RegExp(`/tiltak/${id}\\?gruppering=eier$`), 'Eier'],
    [/\/\?gruppering=eier$/, 'Eier'],
  ];
  for (const [url, pressed] of steps) {
    await page.goBack();
    await expect(page).toHaveURL(url);
    if (pressed) await expect(grouping(page, pressed)).toHaveAttribute('aria-pressed', 'true');
    await expect(detail).toHaveCount(/tiltak/.test(String(url)) ? 1 : 0);
  }
  await page.goBack();
  await expect(page).toHaveURL(/\/$/);
  await expect(grouping(page, 'Eier')).toHaveAttribute('aria-pressed', 'false');

  // and forward again to the end
  for (let k = 0; k < 4; k++) await page.goForward();
  await expect(page).toHaveURL(/\/tilgjengelighet\?gruppering=brukergruppe$/);
  await page.goForward();
  await expect(page).toHaveURL(/\/\?gruppering=brukergruppe$/);
  await expect(grouping(page, 'Brukergruppe')).toHaveAttribute('aria-pressed', 'true');
  expect(await historyLength(page)).toBe(h0 + 5);
  expect(errors).toEqual([]);
});
