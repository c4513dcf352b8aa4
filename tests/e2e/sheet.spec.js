// Workbooks in the browser (issue 17): the .xlsx converter is a Web Worker that is fetched only
// when a workbook is opened, never for the first view.
const { test, expect } = require('@playwright/test');
const fs = require('fs');
const path = require('path');

const EXAMPLE = path.join(__dirname, '..', 'fixtures', 'sheet', 'eksempel.xlsx');
const isWorker = (u) => /veikart-sheet-worker/.test(u);

test('the first view does not fetch the workbook converter', async ({ page }) => {
  const requested = [];
  page.on('request', (r) => requested.push(r.url()));
  await page.goto('/');
  await expect(page.locator('.row-label').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(requested.filter(isWorker)).toEqual([]);
  // and the page names it nowhere (no preload, no script tag)
  const html = fs.readFileSync(path.join(__dirname, '..', '..', process.env.DIST_DIR || 'dist', 'index.html'), 'utf8');
  expect(html).not.toContain('veikart-sheet-worker');
});

test('the worker turns the example workbook into the shipped feed, and names bad cells', async ({ page }) => {
  const requested = [];
  page.on('request', (r) => requested.push(r.url()));
  await page.goto('/');
  await expect(page.locator('.row-label').first()).toBeVisible();
  const bytes = [...fs.readFileSync(EXAMPLE)];
  const replies = await page.evaluate(async (bytes) => {
    const w = new Worker('/veikart-sheet-worker_loader.js');
    const next = () => new Promise((resolve, reject) => {
      w.onmessage = (e) => resolve(JSON.parse(e.data));
      w.onerror = (e) => reject(new Error(e.message || 'worker error'));
    });
    const ready = await next(); // the worker says so once its wasm is loaded
    if (!ready.ready) throw new Error('expected the ready message first');
    const ask = (msg) => { const p = next(); w.postMessage(msg); return p; };
    const ok = await ask({ id: 1, lang: 'nb', bytes: new Uint8Array(bytes) });
    const bad = await ask({ id: 2, lang: 'en', bytes: new TextEncoder().encode('{"not": "a workbook"}') });
    w.terminate();
    return { ok, bad };
  }, bytes);
  expect(requested.filter(isWorker).length).toBeGreaterThanOrEqual(2); // loader JS + wasm, now
  expect(replies.ok.id).toBe(1);
  expect(replies.ok.ok).toBe(true);
  expect(replies.ok.issues).toEqual([]);
  const feed = JSON.parse(replies.ok.json);
  const shipped = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'public', 'feed.json'), 'utf8'));
  expect(feed.measures.map((m) => m.id)).toEqual(shipped.measures.map((m) => m.id));
  expect(feed.measures[0].name).toEqual(shipped.measures[0].name);
  expect(replies.bad.ok).toBe(false);
  expect(replies.bad.errors[0]).toContain('cannot be read as an Excel workbook');
});

test('dropping a workbook on the page opens it as the draft', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('.row-label').first()).toBeVisible();
  const bytes = [...fs.readFileSync(EXAMPLE)];
  const dt = await page.evaluateHandle((bytes) => {
    const d = new DataTransfer();
    d.items.add(new File([new Uint8Array(bytes)], 'eksempel.xlsx', {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    }));
    return d;
  }, bytes);
  await page.dispatchEvent('main', 'drop', { dataTransfer: dt });
  const banner = page.locator('.local-banner');
  await expect(banner).toContainText('«eksempel.xlsx»', { timeout: 15_000 });
  await expect(banner).toContainText('0 feil');
  // the draft is what the roadmap now shows
  await expect(page.locator('.row-label').first()).toBeVisible();
});

test('the change list compares with a workbook', async ({ page }) => {
  await page.goto('/?visning=endringer');
  const section = page.getByRole('region', { name: 'Hva er endret' });
  await expect(section.locator('.compared')).toBeVisible({ timeout: 15000 });
  await page.getByLabel('Sammenlign med en lokal fil (JSON eller regneark)').setInputFiles(EXAMPLE);
  // the workbook is the shipped feed: compared with itself, nothing changed
  await expect(section.getByText('Ingen endringer', { exact: false })).toBeVisible({ timeout: 15000 });
});

// Issue 14: the converter is the one part of the app fetched on demand. On a slow network the page
// says what it is doing while it downloads; a failed download gets a clear message and a retry
// that works, never a page that waits for ever.
const WORKER_WASM = '**/veikart-sheet-worker_bg.wasm';

async function openWorkbook(page) {
  await page.locator('.local-file input[type=file]').setInputFiles(EXAMPLE);
}

// Opens the roadmap, then the example workbook while the converter's wasm download is held;
// returns the function that lets the download go on.
async function openWorkbookWithConverterHeld(page, context) {
  await page.goto('/');
  await expect(page.locator('.row-label').first()).toBeVisible();
  let release;
  const held = new Promise((r) => { release = r; });
  await context.route(WORKER_WASM, async (route) => { await held; await route.continue(); });
  await openWorkbook(page);
  return release;
}

test('on a slow network, opening a workbook says so until the draft shows', async ({ page, context }) => {
  const release = await openWorkbookWithConverterHeld(page, context);
  const status = page.locator('main > p.local-reading[role=status]');
  await expect(status).toHaveText('Leser «eksempel.xlsx» …');
  // seen, not only present: a box of real size inside the viewport, and the picker's hint says it too
  const box = await status.boundingBox();
  expect(box.width).toBeGreaterThan(200);
  expect(box.height).toBeGreaterThan(20);
  expect(box.y).toBeLessThan(page.viewportSize().height);
  await expect(page.locator('.local-file .hint')).toHaveText('Leser «eksempel.xlsx» …');
  await expect(page.locator('main')).toHaveAttribute('aria-busy', 'true');
  // the roadmap stays on screen meanwhile (no blank area)
  await expect(page.locator('.row-label').first()).toBeVisible();
  await page.waitForTimeout(1500); // still downloading: still saying so
  await expect(status).toBeVisible();
  release();
  await expect(page.locator('.local-banner')).toContainText('«eksempel.xlsx»', { timeout: 15_000 });
  await expect(status).toHaveCount(0);
  await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false');
  await expect(page.locator('.local-file .hint')).toContainText('forhåndsvis et utkast');
});

test('a file opened while a workbook is still converting wins', async ({ page, context }) => {
  const release = await openWorkbookWithConverterHeld(page, context);
  await expect(page.locator('main > p.local-reading')).toHaveText('Leser «eksempel.xlsx» …');
  // a JSON file, read at once, while the workbook's converter still downloads
  await page.locator('.local-file input[type=file]').setInputFiles(path.join(__dirname, '..', 'fixtures', 'minimal.json'));
  const banner = page.locator('.local-banner');
  await expect(banner).toContainText('«minimal.json»');
  await expect(page.locator('p.local-reading')).toHaveCount(0);
  // the workbook's conversion ends later: it does not replace the newer draft
  release();
  await page.waitForResponse((r) => /veikart-sheet-worker_bg\.wasm$/.test(r.url()));
  await page.waitForTimeout(1500);
  await expect(banner).toContainText('«minimal.json»');
  await expect(banner).not.toContainText('eksempel.xlsx');
});

for (const [what, pattern] of [['wasm', WORKER_WASM], ['JS', '**/veikart-sheet-worker.js']]) {
  test(`a failed download of the converter's ${what} gets a clear message and a retry that works`, async ({ page, context }) => {
    await page.goto('/');
    await expect(page.locator('.row-label').first()).toBeVisible();
    await context.route(pattern, (route) => route.abort('internetdisconnected'));
    await openWorkbook(page);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(
      'Verktøyet som gjør om regneark, kunne ikke lastes ned. Sjekk nettforbindelsen og prøv igjen.',
      { timeout: 15_000 });
    await expect(alert).toContainText(what === 'wasm' ? 'veikart-sheet-worker_bg.wasm' : 'veikart-sheet-worker.js');
    // nothing is blamed on the workbook, and the page is not left waiting
    await expect(alert).not.toContainText('kan ikke leses som veikart');
    await expect(page.locator('p.local-reading')).toHaveCount(0);
    await expect(page.locator('.local-banner')).toContainText('«eksempel.xlsx»');
    // the network is back: «Prøv igjen» converts the same file again
    await context.unroute(pattern);
    await alert.getByRole('button', { name: 'Prøv igjen' }).click();
    await expect(page.locator('.local-banner')).toContainText('0 feil', { timeout: 15_000 });
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(page.locator('.row-label').first()).toBeVisible();
  });
}

test('the change list says so while a workbook is read, and retries a failed converter download', async ({ page, context }) => {
  await page.goto('/?visning=endringer');
  const section = page.getByRole('region', { name: 'Hva er endret' });
  await expect(section.locator('.compared')).toBeVisible({ timeout: 15000 });
  await context.route(WORKER_WASM, (route) => route.abort('internetdisconnected'));
  let release;
  const held = new Promise((r) => { release = r; });
  await context.route('**/veikart-sheet-worker_loader.js', async (route) => { await held; await route.continue(); });
  await page.getByLabel('Sammenlign med en lokal fil (JSON eller regneark)').setInputFiles(EXAMPLE);
  const status = page.locator('.local-reading[role=status]');
  await expect(status).toHaveText('Leser «eksempel.xlsx» …');
  release();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Verktøyet som gjør om regneark, kunne ikke lastes ned', { timeout: 15_000 });
  await expect(status).toHaveText('');
  // the network is back: «Prøv igjen» converts the same file again, and the comparison is made
  await context.unroute(WORKER_WASM);
  await alert.getByRole('button', { name: 'Prøv igjen' }).click();
  await expect(section.getByText('Ingen endringer', { exact: false })).toBeVisible({ timeout: 15000 });
  await expect(page.getByRole('alert')).toHaveCount(0);
});
