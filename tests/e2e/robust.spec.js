// Issue 7: every way the feed can fail, served by a real HTTP server (tests/server/feed_server.py):
// the visible message, the retry button, the last good copy with its banner, conditional requests,
// the panic view and the Content-Security-Policy.
const { test, expect } = require('@playwright/test');
const fs = require('fs');
const path = require('path');

const { BASE, serve, stats } = require('./feed-server');

test.use({ baseURL: BASE });

// Record CSP violations and anything hostile content might set.
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
});
test.afterEach(async ({ page }) => {
  const violations = await page.evaluate(() => window.__csp || []).catch(() => []);
  expect(violations, 'CSP violations').toEqual([]);
});

async function expectError(page, text) {
  const alert = page.getByRole('alert');
  await expect(alert).toBeVisible({ timeout: 15000 });
  await expect(alert.getByRole('heading')).toHaveText('Veikartet kunne ikke vises');
  await expect(alert).toContainText(text);
  await expect(alert.getByRole('button', { name: 'Prøv igjen' })).toBeVisible();
}
const lanes = (page) => page.locator('.lane-head').first();
// the app's header (index.html's static frame has one too until the app replaces it)
const dataLine = (page) => page.locator('body > header .updated');

test('a good feed: roadmap, data line with fetch time, no banner', async ({ page, request }) => {
  await serve(request, { mode: 'ok' });
  await page.goto('/');
  await expect(lanes(page)).toBeVisible({ timeout: 15000 });
  await expect(dataLine(page)).toContainText(/^Data sist oppdatert: .+ · .+ · hentet .+/);
  await expect(page.locator('.stale-banner')).toHaveCount(0);
});

test('HTTP 404: own message, no data yet, data line says so', async ({ page, request }) => {
  await serve(request, { mode: 'status', status: 404 });
  await page.goto('/');
  await expectError(page, 'Fant ikke veikartfilen på serveren (HTTP 404).');
  await expect(dataLine(page)).toHaveText('Data sist oppdatert: ingen data er lastet ennå');
});

test('HTTP 500, then retry succeeds', async ({ page, request }) => {
  await serve(request, { mode: 'status', status: 500 });
  await page.goto('/');
  await expectError(page, 'Serveren har en feil og kunne ikke levere veikartfilen (HTTP 500). Prøv igjen om litt.');
  await serve(request, { mode: 'delay', delay_ms: 2000 });
  await page.getByRole('button', { name: 'Prøv igjen' }).click();
  // While the new attempt runs, the button says so and is marked busy.
  const busy = page.getByRole('button', { name: 'Henter …' });
  await expect(busy).toBeVisible();
  await expect(busy).toHaveAttribute('aria-busy', 'true');
  await expect(lanes(page)).toBeVisible({ timeout: 15000 });
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('network error: the server closes the connection without an answer', async ({ page, request }) => {
  await serve(request, { mode: 'drop' });
  await page.goto('/');
  await expectError(page, 'Fikk ikke kontakt med serveren som har veikartdataene. Sjekk nettforbindelsen og prøv igjen.');
});

test('timeout: configurable, names the seconds', async ({ page, request }) => {
  await serve(request, { mode: 'hang', hang_s: 20, timeout_ms: 1500 });
  const t0 = Date.now();
  await page.goto('/');
  await expectError(page, 'Serveren svarte ikke innen 1,5 sekunder. Prøv igjen.');
  expect(Date.now() - t0).toBeLessThan(15000);
});

test('slow feed: a loading notice, then the roadmap', async ({ page, request }) => {
  await serve(request, { mode: 'delay', delay_ms: 2500 });
  await page.goto('/');
  await expect(page.getByRole('status').filter({ hasText: 'Laster veikartet …' })).toBeVisible();
  await expect(lanes(page)).toBeVisible({ timeout: 15000 });
  await expect(page.getByText('Laster veikartet …')).toHaveCount(0);
});

test('truncated body: the download broke off', async ({ page, request }) => {
  await serve(request, { mode: 'truncated' });
  await page.goto('/');
  await expectError(page, 'Nedlastingen av veikartfilen ble brutt før den var ferdig. Prøv igjen.');
});

test('too large by Content-Length, with a configured limit', async ({ page, request }) => {
  const bytes = fs.statSync(path.join(__dirname, '..', '..', 'dist', 'public', 'feed.json')).size;
  expect(bytes).toBeGreaterThan(100000);
  await serve(request, { mode: 'ok', max_bytes: 100000 });
  await page.goto('/');
  await expectError(page, /^.*Veikartfilen er for stor \(\d+(,\d)? kB\); grensen er 97,7 kB\./);
});

test('too large while streaming (no Content-Length), default 5 MB limit', async ({ page, request }) => {
  await serve(request, { mode: 'large', bytes: 6000000, content_length: false });
  await page.goto('/');
  await expectError(page, 'Veikartfilen er større enn grensen på 5 MB.');
});

// The same expected-message file the native test checks (tests/fixture_messages.rs).
const EXPECTED = (() => {
  const out = {};
  let cur = null;
  for (const line of fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'bad-messages.txt'), 'utf8').split('\n')) {
    if (line.startsWith('== ')) { cur = line.slice(3); out[cur] = []; } else if (cur && line) out[cur].push(line);
  }
  return out;
})();

for (const name of [
  'load-syntax.json', 'load-shape-unknown-enum.json', 'load-shape-wrong-type.json', 'several-errors.json',
  'load-unsupported-version.json', 'load-empty.json', 'empty-feed.json', 'load-html-error-page.json',
  'load-trailing-garbage.json', 'unsafe-url.json',
]) {
  test(`bad fixture ${name}: the expected message`, async ({ page, request }) => {
    await serve(request, { mode: 'fixture', path: `bad/${name}` });
    await page.goto('/');
    const lines = EXPECTED[name];
    expect(lines && lines.length, `expected message for ${name}`).toBeGreaterThan(0);
    await expectError(page, lines[0]);
    const alert = page.getByRole('alert');
    // Semantic errors: one list item per error, each with its JSON pointer and rule title.
    await expect(alert.locator('li')).toHaveCount(lines.length - 1);
    for (const [i, line] of lines.slice(1).entries()) {
      const [pointer] = line.split(' — ');
      await expect(alert.locator('li').nth(i).locator('code')).toHaveText(pointer);
      await expect(alert.locator('li').nth(i)).toContainText(line.slice(pointer.length + 3));
    }
  });
}

test('warnings do not block: the roadmap shows, with the notes folded away', async ({ page, request }) => {
  await serve(request, { mode: 'fixture', path: 'warn/missing-sources.json' });
  await page.goto('/');
  await expect(lanes(page)).toBeVisible({ timeout: 15000 });
  const notes = page.locator('details.feed-notes');
  await expect(notes.locator('summary')).toHaveText('Veikartfilen har 1 merknad til redaktørene');
  await notes.locator('summary').click();
  await expect(notes.locator('li code')).toHaveText('/measures/1/sources');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('messages in nynorsk and English', async ({ page, request }) => {
  await serve(request, { mode: 'status', status: 404 });
  await page.goto('/?lang=nn');
  await expect(page.getByRole('alert')).toContainText('Fann ikkje vegkartfila på serveren (HTTP 404).', { timeout: 15000 });
  await expect(page.getByRole('alert').getByRole('heading')).toHaveText('Vegkartet kunne ikkje visast');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('alert')).toContainText('The roadmap file was not found on the server (HTTP 404).');
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
});

test('last good: conditional request gets 304; a failing server then shows the stored copy with a banner', async ({ page, request }) => {
  await serve(request, { mode: 'ok' });
  await page.goto('/');
  await expect(lanes(page)).toBeVisible({ timeout: 15000 });
  // the copy is written after the first paint (src/state/last_good.rs, write_after_paint)
  await expect.poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('veikart:last-good')).sort())).toEqual(['veikart:last-good:v1:/public/feed.json', 'veikart:last-good:v1:/public/feed.json#meta']);
  expect(await page.evaluate(() => localStorage.getItem('veikart:last-good:v1:/public/feed.json#meta'))).toMatch(/^\d+\n"[0-9a-f]+"\n\w{3}, /);

  await page.reload();
  await expect(lanes(page)).toBeVisible({ timeout: 15000 });
  const s = await stats(request);
  expect(s.conditional).toBeGreaterThanOrEqual(1);
  expect(s.not_modified).toBeGreaterThanOrEqual(1);
  await expect(page.locator('.stale-banner')).toHaveCount(0);

  await serve(request, { mode: 'status', status: 500 });
  await page.reload();
  const banner = page.locator('.stale-banner');
  await expect(banner).toBeVisible({ timeout: 15000 });
  await expect(banner).toHaveAttribute('role', 'status');
  await expect(banner).toContainText(/^Viser lagret versjon fra \d+\. \S+ \d{4}.*\d\d:\d\d\. Ny versjon kunne ikke hentes: Serveren har en feil .*HTTP 500/);
  await expect(lanes(page)).toBeVisible();
  await expect(dataLine(page)).toContainText('Data sist oppdatert:');
  await expect(dataLine(page)).toHaveClass(/stale/);

  await serve(request, { mode: 'ok' });
  await banner.getByRole('button', { name: 'Prøv igjen' }).click();
  await expect(banner).toHaveCount(0, { timeout: 15000 });
  await expect(lanes(page)).toBeVisible();
});

test('last good with Last-Modified only; a timeout and a broken feed keep the stored copy', async ({ page, request }) => {
  await serve(request, { mode: 'ok', etag: false });
  await page.goto('/');
  await expect(lanes(page)).toBeVisible({ timeout: 15000 });
  await expect.poll(() => page.evaluate(() => localStorage.getItem('veikart:last-good:v1:/public/feed.json#meta'))).toMatch(/^\d+\n\n\w{3}, /);
  await page.reload();
  await expect(lanes(page)).toBeVisible({ timeout: 15000 });
  expect((await stats(request)).not_modified).toBeGreaterThanOrEqual(1);

  await serve(request, { mode: 'hang', hang_s: 20, timeout_ms: 1000 });
  await page.reload();
  await expect(page.locator('.stale-banner')).toContainText('Serveren svarte ikke innen 1 sekund.', { timeout: 15000 });
  await expect(lanes(page)).toBeVisible();

  await serve(request, { mode: 'fixture', path: 'bad/dependency-cycle.json' });
  await page.reload();
  const banner = page.locator('.stale-banner');
  await expect(banner).toContainText('Veikartfilen har 1 feil som må rettes', { timeout: 15000 });
  await banner.getByText('Vis feilene').click();
  await expect(banner.locator('li code')).toHaveText('/dependencies/0');
  await expect(lanes(page)).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('hostile feed: every payload is text, nothing runs, nothing is injected', async ({ page, request }) => {
  await serve(request, { mode: 'fixture', path: 'hostile.json' });
  await page.goto('/');
  await expect(lanes(page)).toBeVisible({ timeout: 15000 });
  const payload = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">';
  const check = async () => {
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    await expect(page.locator('img[src="x"], b[onmouseover], body script')).toHaveCount(0);
  };
  await expect(page.getByText(payload).first()).toBeVisible();
  await check();
  // Open every row (sub-measures too) and the detail of the first measure.
  for (const b of await page.getByRole('button', { name: /^Vis deltiltak for/ }).all()) await b.click().catch(() => {});
  await page.locator('a.measure-link').first().click();
  const dialog = page.locator('aside.detail');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText(payload).first()).toBeVisible();
  // Ids carry a payload too: the route holds it, encoded, and nothing was injected.
  expect(decodeURIComponent(new URL(page.url()).pathname)).toBe('/tiltak/PLL<b onmouseover=window.__pwned=3>');
  await check();
  for (const v of ['Avhengigheter', 'Ambisjoner']) {
    await page.getByRole('button', { name: v, exact: true }).click();
    await page.waitForTimeout(300);
    await check();
  }
  await expect(page.getByText(payload).first()).toBeVisible();
});

test('a panic shows the error view with a working reload button', async ({ page, request }) => {
  await serve(request, { mode: 'ok' });
  await page.goto('/');
  await expect(lanes(page)).toBeVisible({ timeout: 15000 });
  const thrown = await page.evaluate(() => {
    try { window.wasmBindings.veikart_simulate_panic(); return 'no panic'; } catch (e) { return String(e); }
  });
  expect(thrown).not.toBe('no panic');
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading')).toHaveText('Veikartet stoppet uventet');
  await expect(alert).toContainText('Last siden på nytt for å prøve igjen.');
  await expect(lanes(page)).toHaveCount(0);
  await alert.getByRole('button', { name: 'Last inn på nytt' }).click();
  await expect(lanes(page)).toBeVisible({ timeout: 15000 });
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('CSP: header with frame-ancestors, meta without; inline script is refused', async ({ page, request }) => {
  await serve(request, { mode: 'ok' });
  const resp = await page.goto('/');
  const header = resp.headers()['content-security-policy'];
  expect(header).toContain("frame-ancestors 'self'");
  const scriptSrc = header.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'));
  // two inline scripts, each by its hash: trunk's wasm loader and index.html's early feed request
  expect(scriptSrc).toMatch(/^script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/=]+'){2}$/);
  expect(header).not.toContain('unsafe-inline');
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta).toContain(scriptSrc);
  expect(meta).not.toContain('frame-ancestors');
  await expect(lanes(page)).toBeVisible({ timeout: 15000 });
  // An injected inline script must not run (reported once per policy: header and meta; cleared).
  const ran = await page.evaluate(async () => {
    const s = document.createElement('script');
    s.textContent = 'window.__inline = 1';
    document.head.appendChild(s);
    await new Promise((r) => setTimeout(r, 100));
    const v = window.__csp.length;
    window.__csp = [];
    return { ran: window.__inline === 1, violations: v };
  });
  expect(ran.ran).toBe(false);
  expect(ran.violations).toBeGreaterThanOrEqual(1);
});
