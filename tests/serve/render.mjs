// Part of the serve layer (tests/serve/run.sh): open the app that `scripts/serve.sh` serves in
// headless Chromium and check what a newcomer would see: the page and its wasm load (HTTP 200),
// the default feed loads, and the roadmap renders — the first measure of the feed is on screen
// with a real box, and no script error happened.
// Usage: node tests/serve/render.mjs URL FEED_JSON_PATH
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const [url, feedPath] = process.argv.slice(2);
const feed = JSON.parse(readFileSync(feedPath, 'utf8'));
const first = feed.measures.find((m) => !m.parent);
const firstName = first.name.nb;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
let failed = 0;
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'}  ${what}`);
  if (!ok) failed++;
};
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const responses = [];
  page.on('response', (r) => responses.push({ url: r.url(), status: r.status() }));

  const main = await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  check(main && main.status() === 200, `GET ${url} answers ${main && main.status()}`);
  // The app marks the animation frame after the roadmap is first rendered.
  await page.waitForFunction(
    () => performance.getEntriesByName('veikart:first-roadmap-paint').length > 0,
    null, { timeout: 60_000 },
  ).catch(() => {});
  const wasm = responses.filter((r) => r.url.endsWith('.wasm'));
  check(wasm.length > 0 && wasm.every((r) => r.status === 200),
    `the app's wasm loads (${wasm.map((r) => `${r.status} ${new URL(r.url).pathname}`).join(', ') || 'none requested'})`);
  const feeds = responses.filter((r) => /\/feed\.json(\?|$)/.test(r.url));
  check(feeds.length > 0 && feeds.every((r) => r.status === 200 || r.status === 304),
    `the default feed loads (${feeds.map((r) => `${r.status} ${new URL(r.url).pathname}`).join(', ') || 'none requested'})`);
  const link = page.getByRole('link', { name: firstName }).first();
  let box = null;
  try {
    await link.waitFor({ state: 'visible', timeout: 30_000 });
    box = await link.boundingBox();
  } catch (_) { /* reported below */ }
  check(box && box.width > 0 && box.height > 0,
    `the roadmap shows the feed's first measure «${firstName}» (box ${box ? `${Math.round(box.width)}×${Math.round(box.height)}` : 'none'})`);
  check(errors.length === 0, `no script errors${errors.length ? `: ${errors.slice(0, 3).join(' | ')}` : ''}`);
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
