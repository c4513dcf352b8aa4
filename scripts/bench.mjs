// Browser half of the benchmark (scripts/bench.sh runs it; see the README's performance section).
// usage: node scripts/bench.mjs BASE_URL [RUNS]
//   BASE_URL serves the release build (precompressed, scripts/spa_server.py) plus
//   /bench/feed-1000.json, /bench/feed-5000.json and the peer pages /bench/{vis,dhtmlx,frappe}.html
//   (scripts/bench.sh builds that site). RUNS ≥ 5 (default 7).
// Env from bench.sh (for the summary table): BENCH_SIZE_GZ (all wasm + JS in dist/, gzip -9 B),
//   BENCH_NATIVE_<N> ("parse validate total" ms, N = default|1000|5000), BENCH_OUT (directory for
//   Lighthouse reports and the trace).
// Knobs: BENCH_PEERS (default "vis dhtmlx frappe"; "" = none), BENCH_PEER_RUNS (default 5, ≥ 5;
//   BENCH_VIS_RUNS is the old name), BENCH_PEER_TIMEOUT (s, default 60: a peer load that has not
//   painted by then counts as "> N s"), BENCH_NO_LIGHTHOUSE=1, BENCH_LH_RUNS (default 3 per form
//   factor), BENCH_PROFILE=1 (+ BENCH_PROFILE_URL: the site with a wasm that keeps its names),
//   BENCH_STRICT=1 exits 1 when a budget is missed.
//
// Everything runs in one headless Chromium (Debian /usr/bin/chromium), 1280×800, one fresh
// browser context (empty HTTP cache) per page load, after one uncounted warm-up load.
// Per load it reads, all as milliseconds since navigation start unless noted:
//   paint     the app's performance mark "veikart:first-roadmap-paint" (set in the animation
//             frame after the timeline is first rendered)
//   parse, validate   the app's performance.measure "veikart:parse" / "veikart:validate" (wasm)
//   started   trunk's TrunkApplicationStarted event (the wasm fetched, compiled and instantiated,
//             the app's shell built); parse start: the app's mark "veikart:parse-start" (the app has
//             started and has the feed's body in hand). At 5 000 measures, with dhtmlx-gantt in the
//             run, the peers section compares the parse start with half of dhtmlx-gantt's time.
//   heap      JS heap in use after a forced GC (CDP Runtime.getHeapUsage), and the wasm linear
//             memory size (WebAssembly.Memory, which holds the parsed feed)
// Then, on the same page (1 000 and 5 000 measures): regrouping (click "Grupper etter"
// eier → brukergruppe → prioritet → mål), a zoom change (kvartal → år) and a filter change (typing
// "t001", "t0012" and "" into the search box, i.e. ?q=). Each is timed twice:
//   update    click → DOM updated (checked with a MutationObserver on the expected result) plus
//             a forced style + layout: the main-thread work of the interaction
//   to paint  click → the task after the next animation frame (includes waiting for vsync)
// Peers (issue 18): /bench/<peer>.html renders the same 5 000-measure feed (scripts/bench/
// feed-items.js converts it the same way for all of them) and marks "<peer>:first-paint" in the
// animation frame after its view is ready; each peer gets one uncounted warm-up load (the
// 1 000-measure feed) and then BENCH_PEER_RUNS fresh loads, each capped at BENCH_PEER_TIMEOUT.
// Repeat visits (issue 18; BENCH_REPEAT_RUNS, default 5, 0 = none): the same page opened three
// times in one browser context, as someone who comes back to it: the HTTP cache and what the
// browser keeps with it (V8's code cache: for the wasm, its optimised code once it has been
// compiled) are warm; localStorage is cleared before each visit, so Veikart fetches, parses and
// validates the feed as on a first visit instead of showing its stored copy. The third visit is
// counted (Chromium caches a script's code from its second load), for Veikart (default feed and
// 5 000) and the peers in BENCH_REPEAT_PEERS (default "vis dhtmlx"; 5 000) alike. Reported next
// to the fresh loads, never instead of them.
// Network (issue 14): one more load of / with the DevTools network log (scripts/bench/network.mjs).
// Lighthouse (issue 14): scripts/bench/lighthouse.mjs, after the browser above is closed.
// Profile (issue 18, BENCH_PROFILE=1): scripts/bench/profile.mjs on one 5 000-measure load.
import { chromium } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { networkLog } from './bench/network.mjs';
import { profileLoad, printProfile } from './bench/profile.mjs';

const T0 = Date.now();
const base = (process.argv[2] || '').replace(/\/$/, '');
const runs = Math.max(5, Number(process.argv[3] || 7));
if (!base) {
  console.error('usage: node scripts/bench.mjs BASE_URL [RUNS]');
  process.exit(64);
}
const env = process.env;
const PEER_RUNS = Math.max(5, Number(env.BENCH_PEER_RUNS || env.BENCH_VIS_RUNS || 5));
const PEER_TIMEOUT_S = Number(env.BENCH_PEER_TIMEOUT || 60);
const PEER_KEYS = (env.BENCH_PEERS ?? 'vis dhtmlx frappe').split(/[\s,]+/).filter(Boolean);
const REPEAT_RUNS = Math.max(0, Number(env.BENCH_REPEAT_RUNS ?? 5));
// frappe-gantt takes 11-15 s per load (45 s per repeat visit): left out unless named here
const REPEAT_PEERS = (env.BENCH_REPEAT_PEERS ?? 'vis dhtmlx').split(/[\s,]+/).filter((k) => PEER_KEYS.includes(k));
const LIGHTHOUSE = env.BENCH_NO_LIGHTHOUSE !== '1';
const LH_RUNS = Math.max(1, Number(env.BENCH_LH_RUNS || 3));
const PROFILE = env.BENCH_PROFILE === '1';
const OUT = env.BENCH_OUT || 'target/bench';
const CHROME = env.CHROMIUM || '/usr/bin/chromium';
mkdirSync(OUT, { recursive: true });

const version = (pkg) => JSON.parse(readFileSync(new URL(`../node_modules/${pkg}/package.json`, import.meta.url), 'utf8')).version;
const PEERS = {
  vis: { label: `vis-timeline ${version('vis-timeline')}`, page: 'vis.html', mark: 'vis:first-paint', what: 'one range item per measure in 5 goal groups' },
  dhtmlx: { label: `dhtmlx-gantt ${version('dhtmlx-gantt')}`, page: 'dhtmlx.html', mark: 'dhtmlx:first-paint', what: 'goals as parent rows, one bar per measure, smart_rendering' },
  frappe: { label: `frappe-gantt ${version('frappe-gantt')}`, page: 'frappe.html', mark: 'frappe:first-paint', what: 'one task per measure, year view' },
};
for (const k of PEER_KEYS) if (!PEERS[k]) { console.error(`bench: unknown peer "${k}" in BENCH_PEERS (vis, dhtmlx, frappe)`); process.exit(64); }

// Budgets (issues 9, 14, 18). Heap and wasm memory: "no worse than" the last measured values.
const BUDGET = {
  firstViewGz: 150_000, allGz: 450_000, paintDefault: 500, paint5000: 1000,
  parseWasm5000: 100, parseNative5000: 30, interaction5000: 16,
  heapMb5000: 1.9, wasmMb5000: 27.6, dhtmlxShare: 0.5, visRatio: 10,
  lhMobile: 90, lhDesktop: 98, lcpMs: 2500, cls: 0.05, tbtMs: 200,
};

const browser = await chromium.launch({
  executablePath: CHROME,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

const median = (xs) => {
  const s = xs.filter((x) => !Number.isNaN(x) && x !== undefined && x !== null).sort((a, b) => a - b);
  const n = s.length;
  if (!n) return NaN;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};
const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : '-');
const f0 = (x) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US').replace(/,/g, ' ') : '-');
const mb = (b) => (Number.isFinite(b) ? (b / 1048576).toFixed(1) : '-');
const log = (msg) => process.stderr.write(`${msg}\n`);

async function withPage(fn) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  // The wasm's linear memory, from trunk's start-up event.
  await context.addInitScript(() => {
    addEventListener('TrunkApplicationStarted', (e) => { window.__vkMem = e.detail.wasm.memory; window.__vkStarted = performance.now(); });
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
      const at = (n) => performance.getEntriesByName(n)[0]?.startTime;
      return { parse: last('veikart:parse'), validate: last('veikart:validate'), rows: document.querySelectorAll('.row-label').length,
        started: window.__vkStarted, parseStart: at('veikart:parse-start') };
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

// Waits until the page has set `mark` or reported an error (body[data-error]): false when neither
// came within `timeoutMs`.
async function markOrError(page, mark, timeoutMs) {
  try {
    await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0 || document.body?.dataset.error,
      mark, { timeout: timeoutMs, polling: 50 });
    return true;
  } catch (e) {
    if (!/Timeout/i.test(e.message)) throw e;
    return false;
  }
}

// One peer page load: its first-paint mark, or { timedOut } when it has not painted within the cap.
async function peerLoad(peer, url, timeoutMs) {
  return withPage(async (page) => {
    await page.goto(url, { waitUntil: 'commit' });
    let paint;
    if (!(await markOrError(page, peer.mark, timeoutMs))) return { paint: Infinity, timedOut: true };
    const d = await page.evaluate((m) => ({ paint: performance.getEntriesByName(m)[0]?.startTime, ...document.body.dataset }), peer.mark);
    if (d.error) throw new Error(`${peer.label}: ${d.error}`);
    paint = d.paint;
    const h = await heap(page);
    return { paint, items: Number(d.items), bars: Number(d.bars), heap: h.js };
  });
}

// A repeat visit: `url` opened three times in one context, storage cleared before each; the third
// visit's mark (and Veikart's parse and validate), or { timedOut }.
async function repeatLoad(url, mark, timeoutMs) {
  return withPage(async (page) => {
    let out;
    for (let visit = 1; visit <= 3; visit++) {
      if (visit > 1) {
        await page.waitForTimeout(500); // the browser writes its caches after the load
        await page.evaluate(() => { try { localStorage.clear(); sessionStorage.clear(); } catch (e) { /* none */ } });
      }
      await page.goto(url, { waitUntil: 'commit' });
      if (!(await markOrError(page, mark, timeoutMs))) return { paint: Infinity, timedOut: true };
      out = await page.evaluate((m) => {
        const last = (n) => performance.getEntriesByName(n).at(-1)?.duration;
        return { paint: performance.getEntriesByName(m)[0]?.startTime, parse: last('veikart:parse'), validate: last('veikart:validate'), error: document.body?.dataset.error };
      }, mark);
      if (out.error) throw new Error(`${url}: ${out.error}`);
    }
    return out;
  });
}

const SCENARIOS = [
  { key: 'default', label: 'default feed', url: `${base}/`, interactions: false },
  { key: '1000', label: '1 000 measures', url: `${base}/?feed=/bench/feed-1000.json`, interactions: true },
  { key: '5000', label: '5 000 measures', url: `${base}/?feed=/bench/feed-5000.json`, interactions: true },
];

let code = 0;
const res = {};
const peerRes = {};
const repeatRes = {};
let net = null;
let prof = null;
const lh = {};
const phaseTimes = [];
const phase = async (name, fn) => {
  const t = Date.now();
  const r = await fn();
  phaseTimes.push([name, (Date.now() - t) / 1000]);
  return r;
};
try {
  await phase('app loads', async () => {
    await appLoad(SCENARIOS[0].url, { interactions: false }); // warm-up (browser start-up), not counted
    for (const s of SCENARIOS) {
      const rows = [];
      for (let i = 0; i < runs; i++) rows.push(await appLoad(s.url, s));
      res[s.key] = rows;
      log(`  measured ${s.label} (${runs} loads)`);
    }
  });
  for (const key of PEER_KEYS) {
    const peer = PEERS[key];
    await phase(peer.label, async () => {
      const cap = PEER_TIMEOUT_S * 1000;
      await peerLoad(peer, `${base}/bench/${peer.page}?feed=/bench/feed-1000.json`, cap); // warm-up
      const rows = [];
      for (let i = 0; i < PEER_RUNS; i++) {
        const r = await peerLoad(peer, `${base}/bench/${peer.page}?feed=/bench/feed-5000.json`, cap);
        rows.push(r);
        log(`  ${peer.label} load ${i + 1}/${PEER_RUNS}: ${r.timedOut ? `> ${PEER_TIMEOUT_S} s (cap)` : `${f1(r.paint)} ms`}`);
        // Once more than half of the planned loads hit the cap, the median is above it whatever
        // the rest would measure: stop there.
        if (rows.filter((x) => x.timedOut).length > PEER_RUNS / 2) {
          log(`  ${peer.label}: ${rows.filter((x) => x.timedOut).length} of ${PEER_RUNS} loads over the cap; the median is "> ${PEER_TIMEOUT_S} s", remaining loads skipped`);
          break;
        }
      }
      peerRes[key] = rows;
    });
  }
  if (REPEAT_RUNS) {
    await phase('repeat visits', async () => {
      const cap = PEER_TIMEOUT_S * 1000;
      const targets = [
        ['app-default', `${base}/`, 'veikart:first-roadmap-paint'],
        ['app-5000', `${base}/?feed=/bench/feed-5000.json`, 'veikart:first-roadmap-paint'],
        // a peer whose fresh loads were over the cap is not visited again
        ...REPEAT_PEERS.filter((k) => !(peerRes[k] || []).some((r) => r.timedOut))
          .map((k) => [k, `${base}/bench/${PEERS[k].page}?feed=/bench/feed-5000.json`, PEERS[k].mark]),
      ];
      for (const [key, url, mark] of targets) {
        const rows = [];
        for (let i = 0; i < REPEAT_RUNS; i++) {
          const r = await repeatLoad(url, mark, cap);
          rows.push(r);
          if (r.timedOut) break;
        }
        repeatRes[key] = rows;
        log(`  repeat visits ${key}: ${rows.map((r) => (r.timedOut ? 'cap' : f1(r.paint))).join(' ')} ms`);
      }
    });
  }
  net = await phase('network log of /', () => networkLog(browser, `${base}/`));
  if (PROFILE) {
    const url = `${(env.BENCH_PROFILE_URL || base).replace(/\/$/, '')}/?feed=/bench/feed-5000.json`;
    prof = await phase('profile', async () => {
      await profileLoad(browser, url); // warm-up, not reported
      return profileLoad(browser, url, { outFile: `${OUT}/profile-5000.trace.json` });
    });
  }
} catch (e) {
  console.error(`bench: ${e.stack || e.message}`);
  await browser.close();
  process.exit(2);
}
await browser.close();

if (LIGHTHOUSE) {
  const { lighthouse, LH_VERSION } = await import('./bench/lighthouse.mjs');
  lh.version = LH_VERSION;
  for (const preset of ['mobile', 'desktop']) {
    try {
      lh[preset] = await phase(`lighthouse ${preset}`, () => lighthouse(`${base}/`, { preset, runs: LH_RUNS, chrome: CHROME, outDir: OUT, log }));
    } catch (e) {
      console.error(`bench: lighthouse ${preset}: ${e.message}`);
      lh[preset] = { error: e.message };
      code = 2;
    }
  }
}

// ---- report -------------------------------------------------------------------------------
const med = (key, pick) => median(res[key].flatMap(pick));
const native = (key) => (process.env[`BENCH_NATIVE_${key.toUpperCase()}`] || '').split(' ').map(Number);
const table = (head, rows) => {
  const widths = head.map((_, i) => Math.max(...[head, ...rows].map((r) => String(r[i]).length)));
  const line = (r) => r.map((c, i) => (i ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i]))).join('  ');
  console.log(line(head));
  rows.forEach((r) => console.log(line(r)));
};
console.log(`\nmedians over ${runs} fresh page loads per feed; times in ms`);
table(['', ...SCENARIOS.map((s) => s.label)], [
  ['measure rows in the DOM after load', ...SCENARIOS.map((s) => String(med(s.key, (r) => r.rows)))],
  ['first roadmap paint (from navigation)', ...SCENARIOS.map((s) => f1(med(s.key, (r) => r.paint)))],
  ['app started (wasm in, compiled, shell built)', ...SCENARIOS.map((s) => f1(med(s.key, (r) => r.started)))],
  ['parse starts (app started, feed in hand)', ...SCENARIOS.map((s) => f1(med(s.key, (r) => r.parseStart)))],
  ['parse start → first paint', ...SCENARIOS.map((s) => f1(med(s.key, (r) => r.paint - r.parseStart)))],
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
]);
console.log('"-" = not measured for that feed. Filter change = typing into the search box (t001, t0012, cleared).');

// Peers.
const our5000 = med('5000', (r) => r.paint);
const cap = PEER_TIMEOUT_S * 1000;
const peerSummary = {};
if (PEER_KEYS.length) {
  console.log(`\npeers: the same 5 000-measure feed, same origin, same mark (animation frame after the view is ready); ` +
    `median of ${PEER_RUNS} fresh loads after a warm-up, each capped at ${PEER_TIMEOUT_S} s (BENCH_PEER_TIMEOUT)`);
  const rows = [['Veikart (this build)', `${runs}`, f1(our5000), f1(Math.min(...res['5000'].map((r) => r.paint))), f1(Math.max(...res['5000'].map((r) => r.paint))),
    String(med('5000', (r) => r.rows)), mb(med('5000', (r) => r.heap)), '1.0×', 'row window (only rows near the viewport in the DOM)']];
  for (const key of PEER_KEYS) {
    const rs = peerRes[key] || [];
    const p = PEERS[key];
    const timedOut = rs.filter((r) => r.timedOut).length;
    const m = median(rs.map((r) => r.paint));
    const capped = !Number.isFinite(m) || m >= cap;
    const fin = rs.filter((r) => !r.timedOut);
    const ratio = capped ? cap / our5000 : m / our5000;
    peerSummary[key] = { median: m, capped, ratio, timedOut, n: rs.length };
    rows.push([p.label, `${rs.length}${timedOut ? ` (${timedOut} > cap)` : ''}`, capped ? `> ${f0(cap)}` : f1(m),
      fin.length ? f1(Math.min(...fin.map((r) => r.paint))) : `> ${f0(cap)}`, timedOut ? `> ${f0(cap)}` : f1(Math.max(...fin.map((r) => r.paint))),
      fin.length ? String(median(fin.map((r) => r.bars))) : '-', fin.length ? mb(median(fin.map((r) => r.heap))) : '-',
      `${capped ? '> ' : ''}${ratio.toFixed(ratio < 10 ? 2 : 1)}×`, p.what]);
  }
  table(['first paint at 5 000 (ms)', 'loads', 'median', 'min', 'max', 'bars in DOM', 'JS heap MB', 'peer / Veikart', 'what is drawn'], rows);
  console.log('"peer / Veikart" > 1: Veikart paints first (by that factor); < 1: the peer does.');
  const d = peerSummary.dhtmlx;
  if (d && !d.capped) {
    // Issue 18's 0.5× budget against what comes before the feed is touched (same loads as above).
    const started = med('5000', (r) => r.started), ps = med('5000', (r) => r.parseStart);
    console.log(`start-up at 5 000: the app has started at ${f1(started)} ms and starts parsing at ${f1(ps)} ms, ` +
      `${(ps / d.median).toFixed(2)}× dhtmlx-gantt's whole first paint (${f1(d.median)} ms); half of it (${f1(d.median / 2)} ms) ` +
      `${ps < d.median / 2 ? `leaves ${f1(d.median / 2 - ps)} ms` : `is ${f1(ps - d.median / 2)} ms short`} for parse, validation and the first view ` +
      `(${f1(med('5000', (r) => r.paint - r.parseStart))} ms here)`);
  }
}

// Repeat visits.
const repeatSummary = {};
if (REPEAT_RUNS && repeatRes['app-5000']) {
  const rm = (key, pick) => median((repeatRes[key] || []).filter((r) => !r.timedOut).map(pick));
  const app5 = rm('app-5000', (r) => r.paint);
  repeatSummary.app5000 = app5;
  repeatSummary.parse5000 = rm('app-5000', (r) => r.parse + r.validate);
  console.log(`\nrepeat visits: the third visit in one context (HTTP cache and the browser's code cache warm, storage cleared, ` +
    `so the feed is fetched, parsed and validated again); median of ${REPEAT_RUNS}; times in ms`);
  const rows = [
    ['Veikart, default feed', f1(rm('app-default', (r) => r.paint)), f1(rm('app-default', (r) => r.parse)), f1(rm('app-default', (r) => r.validate)), '-', f1(med('default', (r) => r.paint))],
    ['Veikart, 5 000 measures', f1(app5), f1(rm('app-5000', (r) => r.parse)), f1(rm('app-5000', (r) => r.validate)), '1.0×', f1(our5000)],
  ];
  for (const key of PEER_KEYS) {
    const rs = repeatRes[key];
    if (!rs) { rows.push([`${PEERS[key].label}, 5 000`, REPEAT_PEERS.includes(key) ? 'not visited (fresh loads over the cap)' : 'not visited (BENCH_REPEAT_PEERS)', '', '', '', '']); continue; }
    const m = rm(key, (r) => r.paint);
    repeatSummary[key] = m;
    rows.push([`${PEERS[key].label}, 5 000`, f1(m), '-', '-', `${(m / app5).toFixed(2)}×`, peerSummary[key] && !peerSummary[key].capped ? f1(peerSummary[key].median) : '-']);
  }
  table(['repeat visit', 'first paint', 'parse', 'validate', 'peer / Veikart', 'fresh load (above)'], rows);
}

// Sizes and the network log of /.
const size = Number(process.env.BENCH_SIZE_GZ);
let firstViewGz = NaN, firstViewBody = NaN, firstViewXfer = NaN;
if (net) {
  console.log(`\nwhat the browser fetches for / (fresh context, DevTools network log, until the first roadmap paint + 1 s idle):`);
  const rows = net.map((r) => [r.path, r.kind, r.cdpType || '', String(r.status ?? (r.failed || '')), r.encoding || '', f0(r.transferred), f0(r.contentLength), f0(r.decoded), f0(r.gz), (r.cacheControl || '').replace('public, ', '')]);
  table(['request', 'kind', 'CDP type', 'status', 'encoding', 'transferred B', 'body B', 'decoded B', 'gzip -9 B', 'Cache-Control'], rows);
  const kinds = [...new Set(net.map((r) => r.kind))];
  const sum = (rs, k) => rs.reduce((s, r) => s + (Number.isFinite(r[k]) ? r[k] : 0), 0);
  const krows = kinds.map((k) => {
    const rs = net.filter((r) => r.kind === k);
    return [k, String(rs.length), f0(sum(rs, 'transferred')), f0(sum(rs, 'contentLength')), f0(sum(rs, 'decoded')), f0(sum(rs, 'gz'))];
  });
  const code_ = net.filter((r) => r.kind === 'wasm' || r.kind === 'js');
  firstViewGz = sum(code_, 'gz');
  firstViewBody = sum(code_, 'contentLength');
  firstViewXfer = sum(code_, 'transferred');
  krows.push(['wasm + JS', String(code_.length), f0(firstViewXfer), f0(firstViewBody), f0(sum(code_, 'decoded')), f0(firstViewGz)]);
  krows.push(['all', String(net.length), f0(sum(net, 'transferred')), f0(sum(net, 'contentLength')), f0(sum(net, 'decoded')), f0(sum(net, 'gz'))]);
  table(['per kind', 'requests', 'transferred B', 'body B', 'decoded B', 'gzip -9 of decoded B'], krows);
  console.log('transferred = bytes on the wire incl. response headers; body = Content-Length (the .br as sent); gzip -9 = the budget unit.');
}

if (prof) console.log(printProfile(prof, { label: `5 000 measures, ${env.BENCH_PROFILE_LABEL || 'release build'}` }));

// Lighthouse.
const lhS = (p) => lh[p]?.median;
if (LIGHTHOUSE) {
  console.log(`\nLighthouse ${lh.version} against ${base}/ (release build, precompressed), ${LH_RUNS} run(s) per form factor, median run (Lighthouse's computeMedianRun):`);
  const rows = [];
  for (const p of ['mobile', 'desktop']) {
    const s = lhS(p);
    if (!s) { rows.push([p, lh[p]?.error || 'failed', '', '', '', '', '', '']); continue; }
    const scores = lh[p].all.map((x) => x.score);
    rows.push([p, String(s.score), scores.join(' '), `${(s.lcp / 1000).toFixed(2)} s`, s.cls.toFixed(3), `${f0(s.tbt)} ms`, `${(s.fcp / 1000).toFixed(2)} s`, `${(s.si / 1000).toFixed(2)} s`]);
  }
  table(['form factor', 'performance', 'all runs', 'LCP', 'CLS', 'TBT', 'FCP', 'SI'], rows);
  for (const p of ['mobile', 'desktop']) {
    const s = lhS(p);
    if (!s) continue;
    const short = (t) => { const x = String(t || '').replace(/\s+/g, ' ').trim(); return x.length > 70 ? `${x.slice(0, 67)}...` : x; };
    console.log(`  ${p}: CLS per run ${lh[p].all.map((x) => x.cls.toFixed(3)).join(' ')}; LCP element ${short(s.lcpElement) || '-'}`);
    if (!s.shifts.length) console.log(`  ${p}: no layout shift in the median run`);
    for (const x of s.shifts.slice(0, 5)) {
      console.log(`  ${p}: layout shift ${x.score.toFixed(3)} — element ${x.selector || '?'} ("${short(x.label)}")${x.causes.length ? `; causes: ${x.causes.join(', ')}` : ''}`);
    }
    // the shifted elements of the other runs, when the median run had none
    const others = [...new Set(lh[p].all.flatMap((r) => r.shifts.map((x) => x.selector)))].filter((sel) => !s.shifts.some((x) => x.selector === sel));
    if (others.length) console.log(`  ${p}: other runs also shifted: ${others.join(', ')}`);
    for (const w of s.warnings) console.log(`  ${p}: warning: ${w}`);
  }
  console.log(`  reports: ${OUT}/lighthouse-{mobile,desktop}-N.json`);
}

// Budgets.
const nat5 = native('5000')[2];
const wasm5 = med('5000', (r) => r.parse + r.validate);
const filt5 = med('5000', (r) => r.filter.map((x) => x.update));
const regroup5 = med('5000', (r) => r.regroup.map((x) => x.update));
const heap5 = med('5000', (r) => r.heap) / 1048576;
const wmem5 = med('5000', (r) => r.wasmMem) / 1048576;
const round1 = (x) => Math.round(x * 10) / 10;
const checks = [
  ['wasm + JS, first view (gzip -9)', `${f0(firstViewGz)} B`, `≤ ${f0(BUDGET.firstViewGz)} B`, firstViewGz <= BUDGET.firstViewGz],
  ['wasm + JS, all of dist/ (gzip -9)', `${f0(size)} B`, `≤ ${f0(BUDGET.allGz)} B`, size <= BUDGET.allGz],
  ['first paint, default feed', `${f1(med('default', (r) => r.paint))} ms`, `≤ ${BUDGET.paintDefault} ms`, med('default', (r) => r.paint) <= BUDGET.paintDefault],
  ['first paint, 5 000', `${f1(our5000)} ms`, `≤ ${BUDGET.paint5000} ms`, our5000 <= BUDGET.paint5000],
  ['parse + validate, 5 000, wasm', `${f1(wasm5)} ms`, `≤ ${BUDGET.parseWasm5000} ms`, wasm5 <= BUDGET.parseWasm5000],
  ['parse + validate, 5 000, native', `${f1(nat5)} ms`, `≤ ${BUDGET.parseNative5000} ms`, nat5 <= BUDGET.parseNative5000],
  ['filter change, 5 000 (update, median)', `${f1(filt5)} ms`, `≤ ${BUDGET.interaction5000} ms`, filt5 <= BUDGET.interaction5000],
  ['regroup, 5 000 (update, median)', `${f1(regroup5)} ms`, `≤ ${BUDGET.interaction5000} ms`, regroup5 <= BUDGET.interaction5000],
  ['JS heap, 5 000 (MB, 0.1)', `${f1(heap5)} MB`, `≤ ${BUDGET.heapMb5000} MB`, round1(heap5) <= BUDGET.heapMb5000],
  ['wasm memory, 5 000 (MB, 0.1)', `${f1(wmem5)} MB`, `≤ ${BUDGET.wasmMb5000} MB`, round1(wmem5) <= BUDGET.wasmMb5000],
];
if (peerSummary.dhtmlx) {
  const d = peerSummary.dhtmlx;
  const share = our5000 / d.median;
  checks.push(['first paint 5 000 vs dhtmlx-gantt', d.capped ? `< ${(our5000 / cap).toFixed(2)}× its` : `${share.toFixed(2)}× its`, `≤ ${BUDGET.dhtmlxShare}×`, d.capped || share <= BUDGET.dhtmlxShare]);
}
if (peerSummary.vis) {
  const v = peerSummary.vis;
  checks.push(['faster than vis-timeline at 5 000', `${v.capped ? '> ' : ''}${v.ratio.toFixed(1)}×`, `≥ ${BUDGET.visRatio}×`, v.ratio >= BUDGET.visRatio]);
}
if (LIGHTHOUSE) {
  const m = lhS('mobile'), d = lhS('desktop');
  checks.push(['Lighthouse mobile performance', m ? String(m.score) : 'failed', `≥ ${BUDGET.lhMobile}`, !!m && m.score >= BUDGET.lhMobile]);
  checks.push(['  mobile LCP', m ? `${(m.lcp / 1000).toFixed(2)} s` : '-', `≤ ${BUDGET.lcpMs / 1000} s`, !!m && m.lcp <= BUDGET.lcpMs]);
  checks.push(['  mobile CLS', m ? m.cls.toFixed(3) : '-', `≤ ${BUDGET.cls}`, !!m && m.cls <= BUDGET.cls]);
  checks.push(['  mobile TBT', m ? `${f0(m.tbt)} ms` : '-', `≤ ${BUDGET.tbtMs} ms`, !!m && m.tbt <= BUDGET.tbtMs]);
  checks.push(['Lighthouse desktop performance', d ? String(d.score) : 'failed', `≥ ${BUDGET.lhDesktop}`, !!d && d.score >= BUDGET.lhDesktop]);
}
console.log('\nbudget                                      measured          budget    result');
for (const [what, got, want, ok] of checks) {
  console.log(`${what.padEnd(40)} ${got.padStart(14)}  ${want.padStart(14)}    ${ok ? 'OK' : 'MISSED'}`);
  if (!ok && process.env.BENCH_STRICT === '1') code = code || 1;
}
if (repeatSummary.app5000 !== undefined) {
  const parts = [`parse + validate ${f1(repeatSummary.parse5000)} ms`];
  if (repeatSummary.dhtmlx) parts.push(`${(repeatSummary.app5000 / repeatSummary.dhtmlx).toFixed(2)}× dhtmlx-gantt's first paint`);
  if (repeatSummary.vis) parts.push(`${(repeatSummary.vis / repeatSummary.app5000).toFixed(1)}× faster than vis-timeline`);
  console.log(`(not a budget) repeat visit at 5 000: first paint ${f1(repeatSummary.app5000)} ms, ${parts.join(', ')}; the budgets above are fresh loads`);
}
console.log(`\nbrowser part: ${phaseTimes.map(([n, t]) => `${n} ${t.toFixed(0)} s`).join(', ')}; total ${((Date.now() - T0) / 1000).toFixed(0)} s`);
process.exit(code);
