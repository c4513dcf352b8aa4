// Issue 8: what changed between the shipped feed versions (Oct 2021 → May 2023), ghost marks on
// the timeline, and the council view with each measure's decision history.
const { test, expect } = require('@playwright/test');
const path = require('path');

function watchErrors(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  return errors;
}

test('change list compares with the previous version from the feed link', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await page.getByRole('button', { name: 'Endringer' }).click();
  await expect(page).toHaveURL(/visning=endringer/);
  const section = page.getByRole('region', { name: 'Hva er endret' });
  await expect(section.getByText('Oktober 2021 (NUFA 27.10.2021)')).toBeVisible({ timeout: 15000 });
  await expect(section.getByText('Mai 2023 (NUIT 2/2023)')).toBeVisible();

  // The most important change: message exchange and referrals were taken out of the roadmap
  // (000:L571). No milestone is reported as "moved": the two versions share no milestone id or
  // `replaces` link, so nothing is a slip in months (issue 16: compare like with like).
  const top = section.locator('.top-changes li');
  await expect(top).toHaveCount(5);
  await expect(top.first()).toContainText('Dialogmeldinger og henvisninger');
  await expect(top.first()).toContainText('Tatt ut av veikartet');
  await expect(section.locator('.top-changes')).toContainText('Pasientens legemiddelliste');
  await expect(section).not.toContainText(/mnd\. (senere|tidligere)/);

  // NILAR became "Pasientens prøvesvar"; the five prioritised measures got their rank.
  const provesvar = section.locator('.change-group[data-measure="PROVESVAR"]');
  await expect(provesvar).toContainText('Nytt navn');
  await expect(provesvar).toContainText('NILAR');
  await expect(section.locator('.change-group[data-measure="FELLES-GRUNNMUR"]'))
    .toContainText('Ikke med i nyeste versjon');
  await expect(section.locator('.change-group[data-measure="FKJ"]')).toContainText('Nytt tiltak');

  // Filter to dates only: every listed change is a date change.
  await section.getByRole('button', { name: /^Datoer/ }).click();
  const items = section.locator('.all-changes .change');
  expect(await items.count()).toBeGreaterThan(3);
  expect(await section.locator('.all-changes .change:not(.ch-datoer)').count()).toBe(0);
  await expect(section.locator('.top-changes')).toHaveCount(0);

  // From the list into a measure: its changes and its decision history.
  await section.getByRole('button', { name: /^Alle/ }).click();
  await section.locator('.change-group[data-measure="PLL"] h4 a').click();
  await expect(page).toHaveURL(/\/tiltak\/PLL\?.*visning=endringer/);
  const panel = page.getByRole('complementary');
  await expect(panel.locator('.measure-changes')).toContainText('Ny milepæl');
  await expect(panel.locator('.measure-changes')).toContainText('Prioritet endret');
  expect(errors).toEqual([]);
});

test('ghost marks show where the older version had its dates', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/?gruppering=prioritet');
  const toggle = page.getByRole('checkbox', { name: 'Sammenlign med forrige versjon' });
  await expect(toggle).toBeVisible({ timeout: 15000 });
  await expect(page.locator('.ghosts')).toHaveCount(0);
  await toggle.check();
  await expect(page).toHaveURL(/sammenlign=forrige/);
  await expect(page.getByText(/Stiplet omriss: slik det sto i Oktober 2021/)).toBeVisible();

  // Prøvesvar: the older version's trial start (NILAR, August 2022) is a ghost at 2022. The newer
  // version has no milestone with its id, so no arrow and no months claim that it moved.
  const provesvar = page.locator('.ghosts[data-ghost-for="PROVESVAR"]');
  await expect(provesvar).toHaveCount(1);
  await expect(provesvar.locator('.ghost-ms')).toHaveCount(1);
  await expect(page.locator('.ghost-months')).toHaveCount(0);
  const ghostBox = await provesvar.locator('.ghost-ms').boundingBox();
  const centre = async (y) => {
    const b = await page.locator('.axis-year', { hasText: String(y) }).boundingBox();
    return b.x + b.width / 2;
  };
  // The ghost stands for 2022: its centre is nearer 2022 on the axis than 2021 or 2023.
  const gx = ghostBox.x + ghostBox.width / 2;
  const [c21, c22, c23] = [await centre(2021), await centre(2022), await centre(2023)];
  expect(Math.abs(gx - c22)).toBeLessThan(Math.abs(gx - c21));
  expect(Math.abs(gx - c22)).toBeLessThan(Math.abs(gx - c23));
  // Measures that did not change have no ghost.
  await expect(page.locator('.ghosts[data-ghost-for="HELSEKORT-GRAVIDE"]')).toHaveCount(0);

  await toggle.uncheck();
  await expect(page.locator('.ghosts')).toHaveCount(0);
  await expect(page).not.toHaveURL(/sammenlign/);
  expect(errors).toEqual([]);
});

test('a bad comparison URL gives a clear message, not a blank page', async ({ page }) => {
  await page.goto('/?visning=endringer&sammenlign=/public/feeds/finnes-ikke.json');
  await expect(page.getByRole('alert')).toContainText('Kunne ikke lese versjonen det sammenlignes med');
  await expect(page.getByRole('alert')).toContainText('HTTP 404');
  await expect(page.getByRole('button', { name: 'Endringer' })).toHaveAttribute('aria-pressed', 'true');
});

test('a comparison that could not be fetched has a retry that works', async ({ page, context }) => {
  // the older version's own request (not the page, whose query names the same path)
  const older = (url) => url.pathname === '/public/feeds/2021.json';
  await context.route(older, (route) => route.abort('internetdisconnected'));
  await page.goto('/?visning=endringer&sammenlign=/public/feeds/2021.json');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Kunne ikke lese versjonen det sammenlignes med', { timeout: 15000 });
  await context.unroute(older);
  await alert.getByRole('button', { name: 'Prøv igjen' }).click();
  const section = page.getByRole('region', { name: 'Hva er endret' });
  await expect(section.locator('.compared')).toBeVisible({ timeout: 15000 });
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a local file can be compared', async ({ page }) => {
  await page.goto('/?visning=endringer&sammenlign=/public/feeds/finnes-ikke.json');
  await expect(page.getByRole('alert')).toBeVisible({ timeout: 15000 });
  await page.getByLabel('Sammenlign med en lokal fil (JSON eller regneark)')
    .setInputFiles(path.join(__dirname, '..', 'fixtures', 'minimal.json'));
  const section = page.getByRole('region', { name: 'Hva er endret' });
  await expect(section.locator('.compared')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(section.locator('.change-group[data-measure="FKJ"]')).toContainText('Nytt tiltak');
});

test('council view: meetings by body, linked to measures, filter by body', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await page.getByRole('button', { name: 'Rådsmodellen' }).click();
  await expect(page).toHaveURL(/visning=rad/);
  const council = page.getByRole('region', { name: 'Saker og vedtak i rådsmodellen' });
  const meetings = council.locator('section.meeting');
  await expect(meetings.first()).toHaveAttribute('id', 'mote-NUIT-2-2023', { timeout: 15000 });
  await expect(meetings.first()).toContainText('NUIT 16/23');
  await expect(council.locator('.meeting-dot').first()).toBeVisible();
  // Decisions only in the older version are shown and marked.
  await expect(council.getByText('NUFA 33/21')).toBeVisible();
  await expect(council.locator('.decision', { hasText: 'NUFA 33/21' }).locator('.badge.older')).toBeVisible();

  // Filter to NUFA: every meeting heading is NUFA.
  await council.getByRole('button', { name: 'NUFA – fagutvalget' }).click();
  await expect(page).toHaveURL(/organ=NUFA/);
  const headings = council.locator('section.meeting h3');
  expect(await headings.count()).toBeGreaterThan(2);
  for (const h of await headings.allTextContents()) expect(h).toMatch(/^NUFA – fagutvalget/);

  // From a decision to the measure it concerns, and back through its decision history.
  await council.getByRole('button', { name: 'Alle' }).click();
  await meetings.first().getByRole('link', { name: /Pasientens prøvesvar/ }).first().click();
  await expect(page).toHaveURL(/\/tiltak\/PROVESVAR/);
  const panel = page.getByRole('complementary');
  const history = panel.locator('.decision-history li');
  expect(await history.count()).toBeGreaterThan(1);
  const dates = await history.locator('time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')));
  expect([...dates].sort()).toEqual(dates);   // oldest first
  await history.last().getByRole('link', { name: 'Vis i rådsmodellen' }).click();
  await expect(page).toHaveURL(/visning=rad#mote-NUIT-2-2023/);
  expect(errors).toEqual([]);
});

test('change list and council view fit a phone screen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const v of ['endringer', 'rad']) {
    await page.goto(`/?visning=${v}`);
    await expect(page.locator(v === 'rad' ? 'section.meeting' : '.top-changes li').first())
      .toBeVisible({ timeout: 15000 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  }
});
