// Export of the current view: CSV (UTF-8 BOM, æøå), SVG and PNG images, and the print stylesheet.
const { test, expect } = require('@playwright/test');
// Measures in the shipped feed (the count the filter bar reports against).
const { TOTAL } = require('./feed-facts');
const fs = require('fs');

async function download(page, name) {
  const [dl] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('group', { name: 'Eksporter' }).getByRole('button', { name }).click(),
  ]);
  return { name: dl.suggestedFilename(), bytes: fs.readFileSync(await dl.path()) };
}

test('CSV holds exactly the filtered measures, with a BOM and æøå intact', async ({ page }) => {
  await page.goto('/?q=prøvesvar');
  await expect(page.locator('.result-count')).toHaveText(new RegExp(`^Viser (\\d+) av ${TOTAL} tiltak$`));
  const shown = Number((await page.locator('.result-count').textContent()).match(/Viser (\d+)/)[1]);
  const { name, bytes } = await download(page, 'Tabell (CSV)');
  expect(name).toMatch(/^veikart-.*\.csv$/);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const lines = text.trim().split('\r\n');
  expect(lines[0]).toBe('Id;Kode;Navn;Overordnet;Mål;Prioritet;Status;Status per;Faser;Milepæler;Behandlingsstatus;Risikoer;Forutsetninger;Antatt (grunnlag)');
  expect(lines.length).toBe(shown + 1);
  expect(text).toContain('Pasientens prøvesvar');
});

test('SVG and PNG images of the timeline', async ({ page }) => {
  await page.goto('/?gruppering=prioritet');
  await expect(page.locator('.row-label .prio')).toHaveCount(5);
  const svg = await download(page, 'Bilde (SVG)');
  expect(svg.name).toMatch(/\.svg$/);
  const s = svg.bytes.toString('utf8');
  expect(s.startsWith('<svg')).toBe(true);
  expect(s).toContain('De fem prioriterte samhandlingstiltakene');
  expect(s).toContain('PLL – Pasientens legemiddelliste');
  const png = await download(page, 'Bilde (PNG)');
  expect(png.name).toMatch(/\.png$/);
  expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.bytes.length).toBeGreaterThan(10_000);
});

test('print stylesheet hides the controls and keeps the timeline and active filters', async ({ page }) => {
  await page.goto('/?prioritert=1');
  await expect(page.locator('.row-label .prio')).toHaveCount(5);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.toolbar')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Kopier lenke' })).toBeHidden();
  await expect(page.locator('.timeline')).toBeVisible();
  await expect(page.locator('.chips')).toContainText('Bare de fem prioriterte');
  await expect(page.locator('.result-count')).toBeVisible();
});
