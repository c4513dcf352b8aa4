// Journeys through the main view, with role locators (as leptos' router/e2e example).
const { test, expect } = require('@playwright/test');

function watchErrors(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  return errors;
}

test('timeline shows the five goals and the prioritised measures', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  const lanes = page.locator('.lane-head h3');
  await expect(lanes.first()).toBeVisible({ timeout: 15000 });
  for (const n of [1, 2, 3, 4, 5]) {
    await expect(lanes.filter({ hasText: new RegExp(`^Mål ${n} – `) })).toHaveCount(1);
  }
  await expect(page.getByRole('link', { name: /Pasientens legemiddelliste/ }).first()).toBeVisible();
  await expect(page.getByText('Data sist oppdatert', { exact: false })).toBeVisible();
  expect(errors).toEqual([]);
});

test('expand PLL, open KI-2, see actors and dependencies, close with Esc', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  const expandPll = page.getByRole('button', { name: /Vis deltiltak for Pasientens legemiddelliste/ });
  await expandPll.click();
  await expect(page.getByRole('button', { name: /Skjul deltiltak for Pasientens legemiddelliste/ }))
    .toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('link', { name: /LM-1/ })).toBeVisible();
  await expect(page).toHaveURL(/apne=PLL/);

  await page.getByRole('button', { name: /Vis deltiltak for .*kritisk/i }).click();
  const ki2 = page.getByRole('link', { name: /KI-2/ });
  await ki2.click();
  await expect(page).toHaveURL(/\/tiltak\/KI-2/);
  const panel = page.getByRole('complementary');
  await expect(panel.getByRole('heading', { level: 2 })).toContainText('Fastleger og avtalespesialister');
  const actors = panel.locator('.actors');
  await expect(actors).toContainText('Fastleger');
  await expect(actors).toContainText('Avtalespesialister');
  await expect(panel.getByRole('heading', { name: 'Avhenger av', exact: true })).toBeVisible();
  await expect(panel.locator('.deps').first()).toContainText(/[Kk]jernejournal/);

  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(page).not.toHaveURL(/tiltak/);
  await expect(page.locator('[data-measure="KI-2"] a')).toBeFocused();
  expect(errors).toEqual([]);
});

test('regroup by priority ranks the five prioritised measures 1-5', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'De fem prioriterte' }).click();
  await expect(page).toHaveURL(/gruppering=prioritet/);
  const first = page.locator('.lane-head h3').first();
  await expect(first).toHaveText('De fem prioriterte samhandlingstiltakene');
  const ranks = page.locator('.row-label .prio');
  await expect(ranks).toHaveText(['1', '2', '3', '4', '5']);
  const names = page.locator('.row-label .name');
  await expect(names.nth(0)).toContainText('legemiddelliste');
  await expect(names.nth(1)).toContainText('prøvesvar');
  await page.getByRole('button', { name: 'Eier' }).click();
  await expect(page).toHaveURL(/gruppering=eier/);
  await page.goBack();
  await expect(page).toHaveURL(/gruppering=prioritet/);
  await expect(page.locator('.lane-head h3').first()).toHaveText('De fem prioriterte samhandlingstiltakene');
});

test('dependency arrows toggle on and off', async ({ page }) => {
  await page.goto('/?apne=KRITINFO,DOKDELING,PLL');
  await expect(page.locator('.lane-head').first()).toBeVisible({ timeout: 15000 });
  await expect(page.locator('path.arrow')).toHaveCount(0);
  await page.getByRole('checkbox', { name: 'Vis avhengigheter' }).check();
  await expect(page).toHaveURL(/piler=1/);
  const n = await page.locator('path.arrow').count();
  expect(n).toBeGreaterThan(0);
  await page.getByRole('checkbox', { name: 'Vis avhengigheter' }).uncheck();
  await expect(page.locator('path.arrow')).toHaveCount(0);
});

test('dependency graph and ambition views', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await page.getByRole('button', { name: 'Avhengigheter' }).click();
  await expect(page.getByRole('heading', { name: /Avhengigheter mellom tiltak og felles infrastruktur/ })).toBeVisible();
  await expect(page.locator('.graph .node.component').first()).toBeVisible();
  await expect(page.locator('.graph .node.component', { hasText: /Kjernejournal/i }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Ambisjoner' }).click();
  await expect(page.locator('.ambitions-view figure svg')).toBeVisible();
  const table = page.locator('.ambition-table');
  await expect(table).toContainText('2027');
  await expect(table).toContainText('2029');
  expect(errors).toEqual([]);
});

test('a deep link opens the detail panel directly', async ({ page }) => {
  await page.goto('/tiltak/PLL');
  const panel = page.getByRole('complementary');
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText(/Pasientens legemiddelliste/);
  await expect(panel).toContainText('2027');
  await expect(panel).toContainText('2029');
  await expect(panel.locator('figure.chart svg')).toBeVisible();
  await page.getByRole('button', { name: /Lukk/ }).click();
  await expect(panel).toHaveCount(0);
});

test('an unknown measure id says so', async ({ page }) => {
  await page.goto('/tiltak/FINNES-IKKE');
  await expect(page.getByRole('heading', { name: 'Fant ikke tiltaket' })).toBeVisible({ timeout: 15000 });
});

test('at 1440 px the whole year range fits the timeline without horizontal scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/?oppsett=tidslinje');
  await expect(page.locator('.row-label').first()).toBeVisible();
  const fit = await page.evaluate(() => {
    const tl = document.querySelector('.timeline');
    return { scroll: tl.scrollWidth - tl.clientWidth, gap: tl.getBoundingClientRect().right - document.querySelector('.tl-svg').getBoundingClientRect().right };
  });
  expect(fit.scroll).toBeLessThanOrEqual(1);
  // and fills it: no empty band on the right
  expect(fit.gap).toBeLessThan(14);
});
