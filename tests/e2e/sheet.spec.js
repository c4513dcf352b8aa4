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
