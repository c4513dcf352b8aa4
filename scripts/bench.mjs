// Browser half of the benchmark (scripts/bench.sh runs it; see the README's performance section).
// usage: node scripts/bench.mjs BASE_URL [RUNS]
//   BASE_URL serves the release build plus /bench/feed-1000.json, /bench/feed-5000.json and
//   /bench/vis.html (scripts/bench.sh builds that site). RUNS ≥ 5 (default 7).
// Env from bench.sh (for the summary table): BENCH_SIZE_GZ (wasm + JS gzip bytes),
//   BENCH_NATIVE_<N> ("parse validate total" ms, N = default|1000|5000); BENCH_VIS_RUNS
//   (default RUNS); BENCH_STRICT=1 exits 1 when a budget is missed.
//
// Everything runs in one headless Chromium (Debian /usr/bin/chromium), 1280×800, one fresh
// browser context (empty HTTP cache) per page load, after one uncounted warm-up load.
// Per load it reads, all as milliseconds since navigation start unless noted:
//   paint     the app's performance mark "veikart:first-roadmap-paint" (set in the animation
//             frame after the timeline is first rendered)
//   parse, validate   the app's performance.measure "veikart:parse" / "veikart:validate" (wasm)
//   heap      JS heap in use after a forced GC (CDP Runtime.getHeapUsage), and the wasm linear
//             memory size (WebAssembly.Memory, which holds the parsed feed)
// Then, on the same page (1 000 and 5 000 measures): regrouping (click "Grupper etter"
// eier → brukergruppe → prioritet → mål), a zoom change (kvartal → år) and a filter change (typing
// "t001", "t0012" and "" into the search box, i.e. ?q=). Each is timed twice:
//   update    click → DOM updated (checked with a MutationObserver on the expected result) plus
//             a forced style + layout: the main-thread work of the interaction
//   to paint  click → the task after the next animation frame (includes waiting for vsync)
// vis-timeline: /bench/vis.html renders the same 5 000-measure feed; its "vis:first-paint" mark
// is compared with the app's first paint.
import { chromium } from '@playwright/test';

const base = (process.argv[2] || '').replace(/\/$/, '');
const runs = Math.max(5, Number(process.argv[3] || 7));
const visRuns = Math.max(5, Number(process.env.BENCH_VIS_RUNS || runs));
if (!base) {
  console.error('usage: node scripts/bench.mjs BASE_URL [RUNS]');
  process.exit(64);
}
const BUDGET = { sizeGz: 150_000, paintDefault: 500, paint5000: 1000, parse5000: 30, filter5000: 16, visRatio: 5 };

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

const median = (xs) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  const n = s.length;
  if (!n) return NaN;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};
const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : '-');
const mb = (b) => (Number.isFinite(b) ? (b / 1048576).toFixed(1) : '-');

async function withPage(fn) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  // The wasm's linear memory, from trunk's start-up event.
  await context.addInitScript(() => {
    addEventListener('TrunkApplicationStarted', (e) => { window.__vkMem = e.detail.wasm.memory; });
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    return await fn(page);
  } catch (e) {
    throw new Error(`${e.message.split('\n')[0]}${errors.length ? `; page errors: ${errors.join(' | ')}` : ''}`);
  } finally {
    await context.close();
  }
}

async function waitMark(page, mark, timeout) {
  await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, mark, { timeout, polling: 50 });
  return page.evaluate((m) => performance.getEntriesByName(m)[0].startTime, mark);
}

async function heap(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => (window.__vkMem ? window.__vkMem.buffer.byteLength : NaN));
  return { js: usedSize, wasm };
}

// Clicks `button` (a selector) and times the update until `done` (a function body over `before`,
// evaluated in the page) holds. Returns { update, paint } in ms.
async function interact(page, button, done) {
  return page.evaluate(async ([button, done]) => {
    const btn = document.querySelector(button);
    if (!btn) throw new Error(`no ${button}`);
    const before = {
      lane: document.querySelector('.lane-head h3')?.textContent,
      width: document.querySelector('svg.tl-svg')?.getAttribute('width'),
    };
    const ok = new Function('before', `return (${done})`).bind(null, before);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => { obs.disconnect(); reject(new Error(`timeout after clicking ${button}`)); }, 20_000);
      let finished = false;
      const check = () => {
        if (finished || !ok()) return;
        finished = true;
        obs.disconnect();
        clearTimeout(timer);
        document.querySelector('.timeline').getBoundingClientRect(); // force style + layout
        const update = performance.now() - t0;
        requestAnimationFrame(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => resolve({ update, paint: performance.now() - t0 });
          ch.port2.postMessage(0);
        });
      };
      const obs = new MutationObserver(check);
      obs.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      const t0 = performance.now();
      btn.click();
      check();
    });
  }, [button, done]);
}

const GROUP_BTN = (k) => `.toolbar [role=group][aria-label="Grupper etter"] button:nth-of-type(${k})`;
const ZOOM_BTN = (k) => `.toolbar [role=group][aria-label="Tidsskala"] button:nth-of-type(${k})`;

// Types `text` into the search box (a ?q= filter change) and times the update until the announced
// result count changes. Returns { update, paint } in ms.
async function typeFilter(page, text) {
  return page.evaluate(async (text) => {
    const input = document.querySelector('#vk-search');
    const count = () => document.querySelector('.result-count')?.textContent;
    if (!input) throw new Error('no search box');
    const before = count();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => { obs.disconnect(); reject(new Error(`timeout filtering "${text}"`)); }, 20_000);
      let finished = false;
      const check = () => {
        if (finished || count() === before) return;
        finished = true;
        obs.disconnect();
        clearTimeout(timer);
        document.querySelector('.timeline').getBoundingClientRect(); // force style + layout
        const update = performance.now() - t0;
        requestAnimationFrame(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => resolve({ update, paint: performance.now() - t0 });
          ch.port2.postMessage(0);
        });
      };
      const obs = new MutationObserver(check);
      obs.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      const t0 = performance.now();
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      check();
    });
  }, text);
}
const changed = (sel, what) =>
  `document.querySelector('${sel}').getAttribute('aria-pressed') === 'true' && ${what}`;

async function appLoad(url, { interactions }) {
  return withPage(async (page) => {
    await page.goto(url, { waitUntil: 'commit' });
    const paint = await waitMark(page, 'veikart:first-roadmap-paint', 60_000);
    const m = await page.evaluate(() => {
      const last = (n) => performance.getEntriesByName(n).at(-1)?.duration;
      return { parse: last('veikart:parse'), validate: last('veikart:validate'), rows: document.querySelectorAll('.row-label').length };
    });
    const h = await heap(page);
    const out = { paint, ...m, heap: h.js, wasmMem: h.wasm, regroup: [], zoom: [], filter: [] };
    if (interactions) {
      await page.waitForTimeout(200); // let the start-up settle
      const lane = "document.querySelector('.lane-head h3')?.textContent !== before.lane";
      for (const k of [2, 3, 4, 1]) out.regroup.push(await interact(page, GROUP_BTN(k), changed(GROUP_BTN(k), lane)));
      const width = "document.querySelector('svg.tl-svg')?.getAttribute('width') !== before.width";
      for (const k of [2, 1]) out.zoom.push(await interact(page, ZOOM_BTN(k), changed(ZOOM_BTN(k), width)));
      // a filter change: type a search, widen it, clear it (each changes the result count)
      for (const q of ['t001', 't0012', '']) out.filter.push(await typeFilter(page, q));
    }
    return out;
  });
}

async function visLoad(url) {
  return withPage(async (page) => {
    await page.goto(url, { waitUntil: 'commit' });
    const paint = await waitMark(page, 'vis:first-paint', 600_000);
    const items = await page.evaluate(() => Number(document.body.dataset.items));
    const h = await heap(page);
    return { paint, items, heap: h.js };
  });
}

const SCENARIOS = [
  { key: 'default', label: 'default feed', url: `${base}/`, interactions: false },
  { key: '1000', label: '1 000 measures', url: `${base}/?feed=/bench/feed-1000.json`, interactions: true },
  { key: '5000', label: '5 000 measures', url: `${base}/?feed=/bench/feed-5000.json`, interactions: true },
];

let code = 0;
const res = {};
try {
  await appLoad(SCENARIOS[0].url, { interactions: false }); // warm-up (browser start-up), not counted
  for (const s of SCENARIOS) {
    const rows = [];
    for (let i = 0; i < runs; i++) rows.push(await appLoad(s.url, s));
    res[s.key] = rows;
    process.stderr.write(`  measured ${s.label} (${runs} loads)\n`);
  }
  const vis = [];
  for (let i = 0; i < visRuns; i++) {
    vis.push(await visLoad(`${base}/bench/vis.html?feed=/bench/feed-5000.json`));
    process.stderr.write(`  vis-timeline load ${i + 1}/${visRuns}: ${f1(vis.at(-1).paint)} ms\n`);
  }
  res.vis = vis;
} catch (e) {
  console.error(`bench: ${e.message}`);
  await browser.close();
  process.exit(2);
}
await browser.close();

// ---- report -------------------------------------------------------------------------------
const med = (key, pick) => median(res[key].flatMap(pick));
const native = (key) => (process.env[`BENCH_NATIVE_${key.toUpperCase()}`] || '').split(' ').map(Number);
console.log(`\nmedians over ${runs} fresh page loads per feed (vis-timeline: ${visRuns}); times in ms`);
const head = ['', ...SCENARIOS.map((s) => s.label)];
const table = [
  ['measure rows in the DOM after load', ...SCENARIOS.map((s) => String(med(s.key, (r) => r.rows)))],
  ['first roadmap paint (from navigation)', ...SCENARIOS.map((s) => f1(med(s.key, (r) => r.paint)))],
  ['parse, wasm (performance.measure)', ...SCENARIOS.map((s) => f1(med(s.key, (r) => r.parse)))],
  ['validate, wasm', ...SCENARIOS.map((s) => f1(med(s.key, (r) => r.validate)))],
  ['parse + validate, wasm', ...SCENARIOS.map((s) => f1(med(s.key, (r) => r.parse + r.validate)))],
  ['parse + validate, native (release)', ...SCENARIOS.map((s) => f1(native(s.key)[2]))],
  ['regroup: update (script+layout)', ...SCENARIOS.map((s) => f1(med(s.key, (r) => r.regroup.map((x) => x.update))))],
  ['regroup: to next paint', ...SCENARIOS.map((s) => f1(med(s.key, (r) => r.regroup.map((x) => x.paint))))],
  ['zoom change: update (script+layout)', ...SCENARIOS.map((s) => f1(med(s.key, (r) => r.zoom.map((x) => x.update))))],
  ['zoom change: to next paint', ...SCENARIOS.map((s) => f1(med(s.key, (r) => r.zoom.map((x) => x.paint))))],
  ['filter change (?q=): update', ...SCENARIOS.map((s) => f1(med(s.key, (r) => r.filter.map((x) => x.update))))],
  ['filter change (?q=): to next paint', ...SCENARIOS.map((s) => f1(med(s.key, (r) => r.filter.map((x) => x.paint))))],
  ['JS heap after load + GC (MB)', ...SCENARIOS.map((s) => mb(med(s.key, (r) => r.heap)))],
  ['wasm linear memory (MB)', ...SCENARIOS.map((s) => mb(med(s.key, (r) => r.wasmMem)))],
];
const widths = head.map((_, i) => Math.max(...[head, ...table].map((r) => r[i].length)));
const line = (r) => r.map((c, i) => (i ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
console.log(line(head));
table.forEach((r) => console.log(line(r)));
console.log('"-" = not measured for that feed. Filter change = typing into the search box (t001, t0012, cleared).');

const visPaint = median(res.vis.map((r) => r.paint));
const our5000 = med('5000', (r) => r.paint);
const ratio = visPaint / our5000;
console.log(`\nvis-timeline 8.5.4, same 5 000-measure feed (${res.vis[0].items} range items in 5 goal groups):`);
console.log(`  first paint median ${f1(visPaint)} ms (min ${f1(Math.min(...res.vis.map((r) => r.paint)))}, max ${f1(Math.max(...res.vis.map((r) => r.paint)))}), JS heap ${mb(median(res.vis.map((r) => r.heap)))} MB`);
console.log(`  Veikart first paint ${f1(our5000)} ms → Veikart is ${ratio.toFixed(1)}× faster`);

const size = Number(process.env.BENCH_SIZE_GZ);
const nat5 = native('5000')[2];
const wasm5 = med('5000', (r) => r.parse + r.validate);
const filt5 = med('5000', (r) => r.filter.map((x) => x.update));
const checks = [
  ['wasm + JS gzip', `${size} B`, `≤ ${BUDGET.sizeGz} B`, size <= BUDGET.sizeGz],
  ['first paint, default feed', `${f1(med('default', (r) => r.paint))} ms`, `≤ ${BUDGET.paintDefault} ms`, med('default', (r) => r.paint) <= BUDGET.paintDefault],
  ['parse + validate, 5 000, native', `${f1(nat5)} ms`, `≤ ${BUDGET.parse5000} ms`, nat5 <= BUDGET.parse5000],
  ['parse + validate, 5 000, wasm', `${f1(wasm5)} ms`, `≤ ${BUDGET.parse5000} ms`, wasm5 <= BUDGET.parse5000],
  ['first paint, 5 000', `${f1(our5000)} ms`, `≤ ${BUDGET.paint5000} ms`, our5000 <= BUDGET.paint5000],
  ['filter change, 5 000 (update)', `${f1(filt5)} ms`, `≤ ${BUDGET.filter5000} ms`, filt5 <= BUDGET.filter5000],
  ['vs vis-timeline, 5 000 first paint', `${ratio.toFixed(1)}×`, `≥ ${BUDGET.visRatio}×`, ratio >= BUDGET.visRatio],
];
console.log('\nbudget                               measured        budget        result');
for (const [what, got, want, ok] of checks) {
  console.log(`${what.padEnd(36)} ${got.padStart(12)}  ${want.padStart(12)}    ${ok ? 'OK' : 'MISSED'}`);
  if (!ok && process.env.BENCH_STRICT === '1') code = 1;
}
process.exit(code);
