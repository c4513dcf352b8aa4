// Issue 14: when the app's own code cannot be downloaded (a phone on a flaky network), the page
// says so and offers a retry, as it does for a feed that cannot be fetched; it never stays on
// «Laster veikartet …» for ever. index.html's early script watches the loader until the app starts.
const { test, expect } = require('@playwright/test');

const GLUE = (url) => /\/veikart-[0-9a-f]+\.js$/.test(url.pathname);
const WASM = (url) => /\/veikart-[0-9a-f]+_bg\.wasm$/.test(url.pathname);

for (const [what, match, answer, detail] of [
  ['JS glue cannot be fetched', GLUE, (r) => r.abort('internetdisconnected'), null],
  ['wasm cannot be fetched', WASM, (r) => r.abort('internetdisconnected'), 'Failed to fetch'],
  ['wasm answers HTTP 503', WASM, (r) => r.fulfill({ status: 503, body: 'busy' }), '503'],
]) {
  test(`the app's ${what}: a clear message and a retry that works`, async ({ page, context }) => {
    await context.route(match, answer);
    await page.goto('/');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Veikartet kunne ikke vises');
    await expect(alert).toContainText('Programmet som viser veikartet, kunne ikke lastes ned. Sjekk nettforbindelsen og prøv igjen.');
    if (detail) await expect(alert.locator('.boot-detail')).toContainText(detail);
    // not only in the DOM: on screen, with the app's error look, and nothing else loading
    const box = await alert.locator('.error-box').boundingBox();
    expect(box.width).toBeGreaterThan(250);
    expect(box.height).toBeGreaterThan(80);
    await expect(page.getByText('Laster veikartet …')).toHaveCount(0);
    const button = alert.getByRole('button', { name: 'Prøv igjen' });
    await expect(button).toBeFocused();
    // the network is back: the retry loads the app
    await context.unroute(match);
    await button.click();
    await expect(page.locator('.row-label').first()).toBeVisible({ timeout: 15_000 });
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
}

test('the boot failure speaks the language of the link', async ({ page, context }) => {
  await context.route(WASM, (r) => r.abort('internetdisconnected'));
  await page.goto('/?lang=en');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The program that shows the roadmap could not be downloaded.');
  await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible();
  await page.goto('/?lang=nn');
  await expect(page.getByRole('alert')).toContainText('Programmet som viser vegkartet, kunne ikkje lastast ned.');
});

test('an app that has started is left alone by later errors', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('.row-label').first()).toBeVisible({ timeout: 15_000 });
  // an uncaught error and a failed module script after the start are not a failed download
  await page.evaluate(() => {
    window.dispatchEvent(new ErrorEvent('error', { message: 'Uncaught TypeError: Failed to fetch' }));
    const s = document.createElement('script');
    s.type = 'module';
    s.src = '/finnes-ikke.js';
    document.head.appendChild(s);
  });
  await page.waitForTimeout(500);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.locator('.row-label').first()).toBeVisible();
});
