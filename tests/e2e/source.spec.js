// Feed sources (issue 5): ?feed= only from this site or an allow-listed origin; "Åpne lokal fil"
// previews a draft feed from disk with its validation messages.
const { test, expect } = require('@playwright/test');
const fs = require('fs');
const path = require('path');

test('?feed= from an origin that is not allowed is refused with a clear message, nothing fetched', async ({ page }) => {
  const requested = [];
  page.on('request', (r) => requested.push(r.url()));
  await page.goto('/?feed=' + encodeURIComponent('https://evil.example/feed.json'));
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('https://evil.example');
  await expect(alert).toContainText('ikke på listen over tillatte kilder');
  expect(requested.some((u) => new URL(u).hostname === 'evil.example')).toBe(false);
  expect(requested.length).toBeGreaterThan(0);
});

test('?feed= with a malformed value is refused; a same-origin path loads', async ({ page }) => {
  await page.goto('/?feed=javascript:alert(1)');
  await expect(page.getByRole('alert')).toContainText('Adressen i «feed=» er ugyldig');
  await page.goto('/?feed=/public/feeds/2021.json');
  await expect(page.locator('.row-label').first()).toBeVisible();
  await expect(page.locator('body > header .updated')).toContainText('2021');
});

test('open a local draft file: shown with a banner, then closed again', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('.row-label').first()).toBeVisible();
  const draft = JSON.parse(fs.readFileSync(path.join(__dirname, '../../public/feed.json'), 'utf8'));
  draft.measures[0].name.nb = 'Utkast: endret navn';
  await page.locator('.local-file input[type=file]').setInputFiles({
    name: 'utkast.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(draft)),
  });
  const banner = page.locator('.local-banner');
  await expect(banner).toContainText('Viser lokal fil «utkast.json» (ikke publisert) — 0 feil');
  await expect(page.getByText('Utkast: endret navn').first()).toBeVisible();
  await banner.getByRole('button', { name: 'Lukk lokal fil' }).click();
  await expect(banner).toHaveCount(0);
  await expect(page.getByText('Utkast: endret navn')).toHaveCount(0);
});

test('a local draft with errors lists them with JSON pointers', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('.row-label').first()).toBeVisible();
  const draft = JSON.parse(fs.readFileSync(path.join(__dirname, '../../public/feed.json'), 'utf8'));
  draft.measures[1].id = draft.measures[0].id; // duplicate id
  await page.locator('.local-file input[type=file]').setInputFiles({
    name: 'feil.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(draft)),
  });
  await expect(page.locator('.local-banner')).toContainText(/[1-9]\d* feil/);
  await expect(page.getByRole('alert')).toContainText('/measures/1/id');
});

test('dropping a file on the page opens it', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('.row-label').first()).toBeVisible();
  const text = fs.readFileSync(path.join(__dirname, '../../public/feeds/2021.json'), 'utf8');
  const dt = await page.evaluateHandle((t) => {
    const d = new DataTransfer();
    d.items.add(new File([t], 'eldre.json', { type: 'application/json' }));
    return d;
  }, text);
  await page.dispatchEvent('main', 'drop', { dataTransfer: dt });
  await expect(page.locator('.local-banner')).toContainText('«eldre.json»');
});
