// Bad input never gives a blank page: each failure has its own message and a retry button.
const { test, expect } = require('@playwright/test');
const fs = require('fs');
const path = require('path');

const FEED = '**/public/feed.json';
const fixture = (rel) => fs.readFileSync(path.join(__dirname, '..', 'fixtures', rel), 'utf8');

async function expectError(page, re) {
  const alert = page.getByRole('alert');
  await expect(alert).toBeVisible({ timeout: 15000 });
  await expect(alert.getByRole('heading')).toHaveText('Veikartet kunne ikke vises');
  await expect(alert).toContainText(re);
  await expect(alert.getByRole('button', { name: 'Prøv igjen' })).toBeVisible();
}

test('HTTP 404', async ({ page }) => {
  await page.route(FEED, (r) => r.fulfill({ status: 404, body: 'not found' }));
  await page.goto('/');
  await expectError(page, /HTTP 404/);
});

test('HTTP 500, then retry succeeds', async ({ page }) => {
  let calls = 0;
  await page.route(FEED, (r) => (calls++ === 0 ? r.fulfill({ status: 500, body: 'oops' }) : r.continue()));
  await page.goto('/');
  await expectError(page, /HTTP 500/);
  await page.getByRole('button', { name: 'Prøv igjen' }).click();
  await expect(page.locator('.lane-head').first()).toBeVisible({ timeout: 15000 });
});

test('network failure', async ({ page }) => {
  await page.route(FEED, (r) => r.abort('failed'));
  await page.goto('/');
  await expectError(page, /Fikk ikke kontakt med serveren/);
});

test('invalid JSON names line and column', async ({ page }) => {
  await page.route(FEED, (r) => r.fulfill({ status: 200, contentType: 'application/json', body: fixture('bad/load-syntax.json') }));
  await page.goto('/');
  await expectError(page, /ikke gyldig JSON \(linje \d+, kolonne \d+\)/);
});

test('wrong type names the JSON path', async ({ page }) => {
  await page.route(FEED, (r) => r.fulfill({ status: 200, contentType: 'application/json', body: fixture('bad/load-shape-wrong-type.json') }));
  await page.goto('/');
  await expectError(page, /measures\[0\]\.priority/);
});

test('unsupported schema version', async ({ page }) => {
  await page.route(FEED, (r) => r.fulfill({ status: 200, contentType: 'application/json', body: fixture('bad/load-unsupported-version.json') }));
  await page.goto('/');
  await expectError(page, /skjemaversjon.*«2\.0\.0»/);
});

test('empty feed', async ({ page }) => {
  await page.route(FEED, (r) => r.fulfill({ status: 200, contentType: 'application/json', body: '' }));
  await page.goto('/');
  await expectError(page, /Veikartfilen er tom/);
});

test('semantic errors are listed with JSON pointers', async ({ page }) => {
  await page.route(FEED, (r) => r.fulfill({ status: 200, contentType: 'application/json', body: fixture('bad/dependency-cycle.json') }));
  await page.goto('/');
  await expectError(page, /feil som må rettes/);
  await expect(page.getByRole('alert').locator('code').first()).toHaveText(/^\/dependencies\/\d+$/);
  await expect(page.getByRole('alert')).toContainText('PLL → kjernejournal → PLL');
});
