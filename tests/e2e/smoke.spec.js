// First smoke test: the release build boots, shows the app heading and the default feed's content,
// and logs no errors.
const { test, expect } = require('@playwright/test');

test('home page boots with the default feed and no errors', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error: ${m.text()} (${m.location().url || 'no url'})`);
  });

  await page.goto('/');
  await expect(page.getByRole('heading', { name: /Veikart/ }).first()).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText('Pasientens legemiddelliste').first()).toBeVisible({ timeout: 15_000 });
  expect(errors).toEqual([]);
});
