// Paired A/B of the interactions at 5 000 measures between builds (issue 18). Not part of the
// tests; scripts/bench/ab.sh saves builds and runs this. On a busy 2-core machine wall-clock
// medians move by ±20 %: this compares builds in the same session, alternating their order round
// by round, and reports what depends less on the load: the renderer's CPU time, DOM mutation
// counts and (AB_PROFILE=1) CPU-profile samples per function.
//
// usage: node scripts/bench/ab.mjs ROUNDS NAME=URL[=INIT_SCRIPT] ...
//   URL serves a release build (with /bench/feed-5000.json); INIT_SCRIPT, a file run in the page
//   before the app (e.g. CSS to try), makes a variant of a build without rebuilding it.
// Per round and build: a fresh context, the 5 000-measure load, two uncounted warm-up changes,
// then twice: regroup x4, zoom x2, filter x3 (as scripts/bench.mjs; AB_ONLY=regroup|zoom|filter
// for one kind). Per change: "update" (click -> DOM changed, plus a forced style + layout, as
// bench.mjs), "to paint", and the DOM mutation records until then. Per load: CDP Performance
// metrics and the renderer process's CPU time (SystemInfo.getProcessInfo) over the changes.
// AB_PROFILE=1: the V8 sampling profiler runs over the changes (100 µs; AB_INTERVAL): ms of
// samples inclusive per group of functions and self per function (top AB_TOP), for builds whose
// wasm keeps its names (ab.sh saves one). AB_UNDER=regex: self time of the samples under a frame
// matching it, by kind of leaf. AB_CALLERS=regex (AB_CALLEES=1 for callees, AB_DEPTH): stacks.
import { chromium } from '@playwright/test';

const rounds = Number(process.argv[2] || 3);
const builds = process.argv.slice(3).map((a) => {
  const [n, u, init] = a.split('=');
  return { n, u, init };
});
if (!builds.length) {
  console.error('usage: node scripts/bench/ab.mjs ROUNDS NAME=URL[=INIT_SCRIPT] ...');
  process.exit(64);
}
const env = process.env;
const FEED = env.AB_FEED || '/bench/feed-5000.json';
const INTERVAL = Number(env.AB_INTERVAL || 100);
const PROFILE = env.AB_PROFILE === '1';
const ONLY = env.AB_ONLY;
const GROUP_BTN = (k) => `.toolbar [role=group][aria-label="Grupper etter"] button:nth-of-type(${k})`;
const ZOOM_BTN = (k) => `.toolbar [role=group][aria-label="Tidsskala"] button:nth-of-type(${k})`;

const browser = await chromium.launch({
  executablePath: env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

// One change, timed as bench.mjs does, with the mutation records until the next frame.
async function change(page, kind, arg) {
  return page.evaluate(async ([kind, arg]) => {
    const before = {
      lane: document.querySelector('.lane-head h3')?.textContent,
      width: document.querySelector('svg.tl-svg')?.getAttribute('width'),
      count: document.querySelector('.result-count')?.textContent,
    };
    let ok, act;
    if (kind === 'filter') {
      const input = document.querySelector('#vk-search');
      ok = () => document.querySelector('.result-count')?.textContent !== before.count;
      act = () => { input.value = arg; input.dispatchEvent(new Event('input', { bubbles: true })); };
    } else {
      const btn = document.querySelector(arg);
      const pressed = () => btn.getAttribute('aria-pressed') === 'true';
      ok = kind === 'regroup'
        ? () => pressed() && document.querySelector('.lane-head h3')?.textContent !== before.lane
        : () => pressed() && document.querySelector('svg.tl-svg')?.getAttribute('width') !== before.width;
      act = () => btn.click();
    }
    return new Promise((resolve, reject) => {
      const m = { records: 0, added: 0, removed: 0, attrs: 0 };
      const count = (rs) => {
        for (const r of rs) {
          m.records++;
          m.added += r.addedNodes.length;
          m.removed += r.removedNodes.length;
          if (r.type === 'attributes') m.attrs++;
        }
      };
      const timer = setTimeout(() => { obs.disconnect(); reject(new Error(`timeout: ${kind} ${arg}`)); }, 20000);
      let finished = false;
      const check = (rs) => {
        if (rs) count(rs);
        if (finished || !ok()) return;
        finished = true;
        document.querySelector('.timeline').getBoundingClientRect(); // force style + layout
        const update = performance.now() - t0;
        requestAnimationFrame(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => {
            count(obs.takeRecords());
            obs.disconnect();
            clearTimeout(timer);
            resolve({ update, paint: performance.now() - t0, ...m });
          };
          ch.port2.postMessage(0);
        });
      };
      const obs = new MutationObserver(check);
      obs.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      const t0 = performance.now();
      act();
      check();
    });
  }, [kind, arg]);
}

const tidy = (n) => (n || '').replace(/\[[0-9a-f]{16}\]/g, '').replace(/::h[0-9a-f]{16}$/, '');
// Inclusive groups: a sample counts for a group when any frame of its stack matches.
const GROUPS = {
  'keyed For (rows added and removed)': /tachys::view::keyed/,
  'effects run (RenderEffect/Effect)': /effect::.*(run|new_with_value_erased)|render_effect/,
  'memo checks (update_if_necessary)': /update_if_necessary/,
  'propagation (mark_dirty/mark_check)': /::mark_(dirty|check)$/,
  'leptos_router': /leptos_router/,
  'pushState/replaceState': /^(pushState|replaceState)$/,
  'innerHTML (markup parsed)': /set_innerHTML/,
  'attribute calls': /set_attribute|setAttribute|remove_attribute/,
  'veikart_domain': /veikart_domain::/,
  'forced style+layout (getBoundingClientRect)': /^getBoundingClientRect$/,
};
function analyse(profile) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const stacks = new Map();
  const stack = (id) => {
    if (!stacks.has(id)) {
      const s = [];
      for (let x = id; x !== undefined; x = parent.get(x)) s.push(tidy(nodes.get(x).callFrame.functionName));
      stacks.set(id, s);
    }
    return stacks.get(id);
  };
  const self = new Map(), incl = new Map(), under = new Map(), callers = new Map();
  const underRe = env.AB_UNDER && new RegExp(env.AB_UNDER);
  const callersRe = env.AB_CALLERS && new RegExp(env.AB_CALLERS);
  const kind = (f) => (/^(cloneNode|createElement|createElementNS|createTextNode|createComment|setAttribute|removeAttribute|insertBefore|appendChild|remove)$/.test(f) ? 'DOM calls'
    : /set_innerHTML/.test(f) ? 'innerHTML'
      : /^(decode|decodeText|getStringFromWasm0|passStringToWasm0|wasm-to-js|handleError|__wbg|__externref)/.test(f) ? 'wasm-bindgen glue'
        : /dlmalloc|__rust_(alloc|dealloc|realloc)|__rdl/.test(f) ? 'alloc'
          : /reactive_graph/.test(f) ? 'reactive_graph' : /tachys/.test(f) ? 'tachys'
            : /veikart_domain/.test(f) ? 'domain' : /veikart/.test(f) ? 'app' : `other: ${f.slice(0, 60)}`);
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const w = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const s = stack(profile.samples[i]);
    if (s[0] === '(idle)') continue;
    total += w;
    self.set(s[0], (self.get(s[0]) || 0) + w);
    for (const [k, re] of Object.entries(GROUPS)) if (s.some((f) => re.test(f))) incl.set(k, (incl.get(k) || 0) + w);
    if (underRe && s.some((f) => underRe.test(f))) under.set(kind(s[0]), (under.get(kind(s[0])) || 0) + w);
    const j = callersRe ? s.findIndex((f) => callersRe.test(f)) : -1;
    if (j >= 0) {
      const depth = Number(env.AB_DEPTH || 4);
      const key = env.AB_CALLEES
        ? s.slice(Math.max(0, j - depth), j + 1).reverse().map((f) => f.slice(0, 110)).join('\n      -> ')
        : s.slice(j, j + depth).map((f) => f.slice(0, 110)).join('\n      <- ');
      callers.set(key, (callers.get(key) || 0) + w);
    }
  }
  return { total, self, incl, under, callers };
}

const res = Object.fromEntries(builds.map((b) => [b.n, []]));
for (let r = 0; r < rounds; r++) {
  for (const b of r % 2 ? [...builds].reverse() : builds) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    if (b.init) await context.addInitScript({ path: b.init });
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error(`${b.n}: page error: ${e}`));
    await page.goto(`${b.u}/?feed=${FEED}`, { waitUntil: 'commit' });
    await page.waitForFunction(() => performance.getEntriesByName('veikart:first-roadmap-paint').length > 0, null, { timeout: 60000, polling: 50 });
    await page.waitForTimeout(300);
    const cdp = await context.newCDPSession(page);
    const bcdp = await browser.newBrowserCDPSession();
    await cdp.send('Performance.enable');
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: INTERVAL });
    // warm-up (the wasm compiles functions on first use)
    await change(page, 'regroup', GROUP_BTN(2));
    await change(page, 'regroup', GROUP_BTN(1));
    await change(page, 'filter', 'x');
    await change(page, 'filter', '');
    const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    const cpu = async () => Object.fromEntries((await bcdp.send('SystemInfo.getProcessInfo')).processInfo
      .filter((p) => p.type === 'renderer').map((p) => [p.id, p.cpuTime]));
    const [m0, c0] = [await metrics(), await cpu()];
    if (PROFILE) await cdp.send('Profiler.start');
    const out = { regroup: [], zoom: [], filter: [] };
    for (let rep = 0; rep < 2; rep++) {
      if (!ONLY || ONLY === 'regroup') for (const k of [2, 3, 4, 1]) out.regroup.push(await change(page, 'regroup', GROUP_BTN(k)));
      if (!ONLY || ONLY === 'zoom') for (const k of [2, 1]) out.zoom.push(await change(page, 'zoom', ZOOM_BTN(k)));
      if (!ONLY || ONLY === 'filter') for (const q of ['t001', 't0012', '']) out.filter.push(await change(page, 'filter', q));
    }
    const c1 = await cpu();
    const { profile } = PROFILE ? await cdp.send('Profiler.stop') : { profile: null };
    const m1 = await metrics();
    out.n = out.regroup.length + out.zoom.length + out.filter.length;
    out.cpu = Math.max(...Object.keys(c1).map((k) => (c1[k] - (c0[k] || 0)) * 1000)) / out.n;
    out.metrics = Object.fromEntries(['ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration', 'TaskDuration']
      .map((k) => [k, ((m1[k] - m0[k]) * 1000) / out.n]));
    out.prof = profile && analyse(profile);
    res[b.n].push(out);
    await context.close();
    process.stderr.write(`round ${r + 1} ${b.n}: regroup ${out.regroup.map((x) => x.update.toFixed(0)).join(' ')}; filter ${out.filter.map((x) => x.update.toFixed(0)).join(' ')}\n`);
  }
}
await browser.close();

const median = (xs) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  const n = s.length;
  return n ? (n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2) : NaN;
};
const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : '-');
const names = builds.map((b) => b.n);
const rows = [];
const line = (label, fn) => rows.push([label, ...names.map((n) => fn(res[n]))]);
const perChange = (kind, key) => (rs) => f1(median(rs.flatMap((o) => o[kind].map((x) => x[key]))));
for (const kind of ['regroup', 'zoom', 'filter']) {
  if (ONLY && ONLY !== kind) continue;
  line(`${kind}: update, median (ms)`, perChange(kind, 'update'));
  line(`${kind}: to paint, median (ms)`, perChange(kind, 'paint'));
  line(`${kind}: DOM mutation records, median`, perChange(kind, 'records'));
  line(`${kind}: nodes added, median`, perChange(kind, 'added'));
  line(`${kind}: attribute changes, median`, perChange(kind, 'attrs'));
}
line('renderer CPU time per change (ms; median of loads)', (rs) => f1(median(rs.map((o) => o.cpu))));
for (const k of ['ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration', 'TaskDuration']) {
  line(`CDP ${k} per change (ms; median of loads)`, (rs) => f1(median(rs.map((o) => o.metrics[k]))));
}
if (PROFILE) {
  line('CPU samples, all but idle (ms per load; median)', (rs) => f1(median(rs.map((o) => o.prof.total))));
  for (const k of Object.keys(GROUPS)) line(`  incl. ${k}`, (rs) => f1(median(rs.map((o) => o.prof.incl.get(k) || 0))));
  const selfAll = new Map();
  for (const n of names) for (const o of res[n]) for (const [k, v] of o.prof.self) selfAll.set(k, (selfAll.get(k) || 0) + v);
  for (const [k] of [...selfAll].sort((a, b) => b[1] - a[1]).slice(0, Number(env.AB_TOP || 15))) {
    line(`  self ${k.slice(0, 80)}`, (rs) => f1(median(rs.map((o) => o.prof.self.get(k) || 0))));
  }
}
const w = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length), i ? names[i - 1].length : 0));
console.log(`\n${rounds} rounds, feed ${FEED}${ONLY ? `, ${ONLY} only` : ''}${PROFILE ? `, profiler every ${INTERVAL} µs` : ''}`);
console.log(['', ...names].map((c, i) => (i ? c.padStart(w[i]) : c.padEnd(w[0]))).join('  '));
for (const r of rows) console.log(r.map((c, i) => (i ? String(c).padStart(w[i]) : String(c).padEnd(w[i]))).join('  '));
for (const [what, key, fmt] of [['AB_UNDER', 'under', (k) => k], ['AB_CALLERS', 'callers', (k) => k]]) {
  if (!env[what]) continue;
  for (const n of names) {
    const agg = new Map();
    for (const o of res[n]) for (const [k, v] of o.prof[key]) agg.set(k, (agg.get(k) || 0) + v / res[n].length);
    console.log(`\n${n}: ${what}=${env[what]} (ms per load)`);
    for (const [k, v] of [...agg].sort((a, b) => b[1] - a[1]).slice(0, Number(env.AB_N || 12))) console.log(`  ${v.toFixed(1).padStart(7)}  ${fmt(k)}`);
  }
}
