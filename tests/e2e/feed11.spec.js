// Feed schema 1.1 in the app (issue 16), end to end on the release build, with a made-up feed
// that is not the default one (tests/fixtures/feed-1.1-other.json): «Innsatsområde» as the top
// level, its own header title, a priority list of three (and a second list of areas), an ordered
// undated sequence, six scored risks and a proposed standing. The feed is loaded the way a
// reader would, with ?feed= and a same-origin path; the request is answered from the fixture.
const { test, expect } = require('@playwright/test');
const fs = require('fs');
const path = require('path');

const OTHER = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'feed-1.1-other.json'), 'utf8');
const FEED = '/__e2e/feed-1.1-other.json';
const at = (rest = '/', q = '') => `${rest}?feed=${FEED}${q}`;

test.beforeEach(async ({ page }) => {
  await page.route((u) => u.pathname === FEED, (r) => r.fulfill({ status: 200, contentType: 'application/json', body: OTHER }));
});

const lanes = (page) => page.locator('.lane-head h3');

test('the header, the banner and the lanes speak the feed’s own words', async ({ page }) => {
  await page.goto(at());
  await expect(lanes(page).first()).toBeVisible({ timeout: 15000 });
  await expect(page.locator('body > header .brand h1')).toHaveText('Testveikart – innsatsområder');
  await expect(page.locator('body > header .brand .subtitle')).toHaveText('Oppdiktet innhold, bare for tester');
  await expect(page.locator('body > header .brand .app-name')).toHaveText('Veikart');
  await expect(page.getByRole('note').locator('.banner-line strong')).toHaveText('Forslag (høsten 2026) — ikke vedtatt');
  await expect(lanes(page)).toHaveText([
    'Innsatsområde 1 – Trygge overganger',
    'Innsatsområde 2 – Enklere hverdag',
    'Innsatsområde 3 – Bedre data',
  ]);
  await expect(page.getByRole('button', { name: 'Innsatsområde', exact: true })).toHaveAttribute('aria-pressed', 'true');
  // nothing says "Mål" or "five" where the feed has its own words
  await expect(page.locator('main')).not.toContainText(/Mål \d|fem prioriterte/);

  await page.goto(at('/', '&lang=en'));
  await expect(lanes(page).first()).toBeVisible({ timeout: 15000 });
  await expect(page.locator('body > header .brand h1')).toHaveText('Test roadmap – focus areas');
  await expect(lanes(page).first()).toHaveText('Focus area 1 – Safe transitions');
  await expect(page.getByRole('note')).toContainText('Proposal (autumn 2026) — not adopted');
});

test('the priority list: its name, its three ranks, and the other list', async ({ page }) => {
  await page.goto(at());
  await expect(lanes(page).first()).toBeVisible({ timeout: 15000 });
  await page.getByRole('button', { name: 'De tre viktigste testtiltakene' }).click();
  await expect(page).toHaveURL(/gruppering=prioritet/);
  await expect(lanes(page).first()).toHaveText('De tre viktigste testtiltakene');
  const ranked = page.locator('.row-label').filter({ has: page.locator('.prio') });
  await expect(ranked.locator('.prio')).toHaveText(['1', '2', '3']);
  await expect(ranked.locator('.name')).toHaveText(['Gamma: utprøving til høsten', 'Alfa: felles oversikt', 'Delta: bedre registerdata']);
  await expect(ranked.first().locator('.prio')).toHaveAttribute('title', 'Rang 1 i «De tre viktigste testtiltakene»');

  // the section above the roadmap lists both lists with their ranks
  await page.getByText('Prioriteringer, prinsipper og portefølje').click();
  const list = page.locator('.ctx-list[data-list="topp-tre"]');
  await expect(list.locator('h3')).toHaveText('De tre viktigste testtiltakene');
  await expect(list.locator('li')).toHaveText([/^1.*Gamma/, /^2.*Alfa/, /^3.*Delta/]);
  await expect(page.locator('.ctx-principles')).toContainText('fullføres først');
  await expect(page.locator('.ctx-portfolio .pf-counts')).toHaveText('4 aktive · 1 med rød status · 1 med rød risiko · 0 på pause');

  // the second list ranks areas: the measures under them, by the area's rank
  await page.getByLabel('Prioriteringsliste').selectOption({ label: 'Innsatsområdene i rekkefølge' });
  await expect(page).toHaveURL(/liste=omraader/);
  await expect(lanes(page).first()).toHaveText('Innsatsområdene i rekkefølge');
  await expect(page.locator('.row-label').first()).toHaveAttribute('data-measure', 'BETA');
});

test('an ordered sequence without dates shows in order, on the timeline and in words', async ({ page }) => {
  await page.goto(at());
  await expect(lanes(page).first()).toBeVisible({ timeout: 15000 });
  const seq = page.locator('.row[transform] g.undated-sequence');
  await expect(seq.locator('.seq-label')).toHaveText(['1 Kartlegging', '2 Utredning', '3 Gjennomføring']);
  await expect(seq.locator('.no-dates')).toHaveText('ingen datoer ennå:');
  // chips left to right
  const xs = await seq.locator('.seq-chip rect.seq-chip-bg').evaluateAll((els) => els.map((e) => Number(e.getAttribute('x'))));
  expect(xs).toEqual([...xs].sort((a, b) => a - b));
  // the ongoing phase with an unknown start fades in
  await expect(page.locator('.bar.open-start')).toHaveCount(1);
  await page.goto(at('/', '&oppsett=liste'));
  await expect(page.locator('li.card[data-measure="ALFA"] .phase-sequence'))
    .toHaveText('1. Kartlegging → 2. Utredning → 3. Gjennomføring (ingen datoer ennå)');
});

test('the risk view draws each scored risk in its likelihood × consequence cell', async ({ page }) => {
  await page.goto(at());
  await expect(lanes(page).first()).toBeVisible({ timeout: 15000 });
  await page.getByRole('navigation', { name: 'Visning' }).getByRole('button', { name: 'Risiko' }).click();
  await expect(page).toHaveURL(/visning=risiko/);
  const svg = page.locator('figure.risk-matrix svg');
  await expect(svg).toBeVisible();
  // the order of the list (feed first, then measures) and the scores in the fixture
  const expected = [
    ['risk-finans', 3, 4], ['risk-kapasitet', 5, 3], ['risk-juss', 2, 5],
    ['risk-innforing', 4, 2], ['risk-alfa', 4, 3], ['risk-gamma', 3, 5],
  ];
  const dots = await svg.locator('circle').evaluateAll((els) =>
    els.map((e) => [Number(e.getAttribute('cx')), Number(e.getAttribute('cy'))]));
  expect(dots).toHaveLength(expected.length);
  for (let a = 0; a < expected.length; a++) {
    for (let b = 0; b < expected.length; b++) {
      const [, la, ca] = expected[a];
      const [, lb, cb] = expected[b];
      if (ca < cb) expect(dots[a][0], `${expected[a][0]} left of ${expected[b][0]}`).toBeLessThan(dots[b][0] - 20);
      if (la > lb) expect(dots[a][1], `${expected[a][0]} above ${expected[b][0]}`).toBeLessThan(dots[b][1] - 20);
    }
  }
  // the numbers on the dots are the numbers of the list
  const numbers = await svg.locator('text').allTextContents();
  for (let n = 1; n <= expected.length; n++) expect(numbers.map((t) => t.trim())).toContain(String(n));
  await expect(page.locator('li.risk')).toHaveCount(6);
  await expect(page.locator('li.risk[data-risk="risk-finans"]')).toContainText('Forutsetning');
  await expect(page.locator('li.risk[data-risk="risk-finans"] .risk-no')).toHaveText('1');
  await expect(page.locator('li.risk[data-risk="risk-alfa"]')).toContainText('Eier: Testleverandøren AS');
});

test('a proposal’s withdrawn measure is not an active row, and shows greyed on request', async ({ page }) => {
  await page.goto(at());
  await expect(lanes(page).first()).toBeVisible({ timeout: 15000 });
  await expect(page.locator('.row-label[data-measure="EPSILON"]')).toHaveCount(0);
  await expect(page.locator('.withdrawn-note')).toContainText('1 tiltak er tatt ut av veikartet og vises ikke.');
  await expect(page.locator('.row-label[data-measure="BETA"] .standing-badge')).toHaveText('Vedtatt');
  await expect(page.locator('.row-label[data-measure="ALFA"] .risk-badge')).toHaveAttribute('title', '2 risikoer');
  await page.getByRole('button', { name: 'Vis dem' }).click();
  await expect(page).toHaveURL(/uttatt=1/);
  const epsilon = page.locator('.row-label[data-measure="EPSILON"]');
  await expect(epsilon).toHaveClass(/withdrawn/);
  await expect(epsilon.locator('.standing-badge')).toHaveText('Tatt ut');
});

test('the detail panel shows the measure’s risks, resources and inferred support', async ({ page }) => {
  await page.goto(at('/tiltak/ALFA'));
  const panel = page.locator('aside.detail');
  await expect(panel).toBeVisible({ timeout: 15000 });
  await expect(panel.locator('.goal-link')).toContainText('Innsatsområde 1 – Trygge overganger');
  await expect(panel.locator('.risks-section li.risk')).toHaveCount(2);
  await expect(panel.locator('.resources')).toContainText('Kostnad: lav–middels');
  await expect(panel.locator('.resources')).toContainText('antatt: Testantakelse');
  // the link to the risk view keeps the feed (and the rest of the view state)
  const link = panel.getByRole('link', { name: 'Se alle i risikovisningen' });
  await expect(link).toHaveAttribute('href', /^\/\?visning=risiko&feed=\/__e2e\/feed-1\.1-other\.json$/);
  await link.click();
  await expect(page.locator('.risk-view h2')).toHaveText('Risikoer og forutsetninger');
  await expect(page.locator('figure.risk-matrix svg circle')).toHaveCount(6);
});
