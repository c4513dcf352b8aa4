// Time to first roadmap paint, in fresh headless Chromium contexts (Debian /usr/bin/chromium).
// usage: node scripts/bench.mjs URL [RUNS] [BUDGET_MS]
// For each run: new browser context (empty HTTP cache), goto URL, wait for the app's
// performance.mark("veikart:first-roadmap-paint"), read its startTime (ms since navigation start).
// One warm-up run (browser process start-up) is made first and not counted.
// Prints a plain table; exits 2 if the mark never appears, 1 if BENCH_STRICT=1 and over budget.
import { chromium } from '@playwright/test';

const url = process.argv[2];
const runs = Number(process.argv[3] || 9);
const budget = Number(process.argv[4] || 500);
const MARK = 'veikart:first-roadmap-paint';
if (!url || !(runs >= 1)) {
  console.error('usage: node scripts/bench.mjs URL [RUNS] [BUDGET_MS]');
  process.exit(64);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

async function once() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, MARK, { timeout: 30_000 });
    return await page.evaluate((m) => {
      const nav = performance.getEntriesByType('navigation')[0];
      const res = performance.getEntriesByType('resource');
      const wasm = res.find((r) => r.name.endsWith('.wasm'));
      return {
        paint: performance.getEntriesByName(m)[0].startTime,
        dcl: nav ? nav.domContentLoadedEventEnd : NaN,
        wasmDone: wasm ? wasm.responseEnd : NaN,
      };
    }, MARK);
  } catch (e) {
    throw new Error(`no "${MARK}" mark: ${e.message.split('\n')[0]}${errors.length ? `; page errors: ${errors.join(' | ')}` : ''}`);
  } finally {
    await context.close();
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};
const f = (x) => (Number.isFinite(x) ? x.toFixed(1) : '-');

let code = 0;
try {
  await once(); // warm-up, not counted
  const rows = [];
  for (let i = 0; i < runs; i++) rows.push(await once());
  console.log('run  first-roadmap-paint  DOMContentLoaded  wasm-fetched   (ms since navigation start)');
  rows.forEach((r, i) => console.log(`${String(i + 1).padStart(3)}  ${f(r.paint).padStart(19)}  ${f(r.dcl).padStart(16)}  ${f(r.wasmDone).padStart(12)}`));
  const p = rows.map((r) => r.paint);
  const med = median(p);
  const ok = med <= budget;
  console.log('');
  console.log(`first roadmap paint over ${runs} fresh contexts: median ${f(med)} ms  min ${f(Math.min(...p))} ms  max ${f(Math.max(...p))} ms`);
  console.log(`budget ${budget} ms: ${ok ? 'OK' : 'OVER BUDGET'}`);
  if (!ok && process.env.BENCH_STRICT === '1') code = 1;
} catch (e) {
  console.error(`bench: ${e.message}`);
  code = 2;
} finally {
  await browser.close();
}
process.exit(code);
