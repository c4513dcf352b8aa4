// Profile of one app load (scripts/bench.mjs, BENCH_PROFILE=1): where the time to the first
// roadmap paint goes. One fresh context, a Chrome trace over the DevTools protocol
// (Tracing.start via Playwright's browser.startTracing) with the V8 sampling profiler
// (disabled-by-default-v8.cpu_profiler), plus the page's own timeline:
//   navigation timing and resource timing (HTML, wasm-bindgen JS, wasm, feed),
//   the app's performance marks/measures (veikart:parse-start … veikart:validate-end,
//   veikart:first-roadmap-paint), and two marks the benchmark adds from an init script (the app
//   is not changed): bench:wasm-started (trunk's TrunkApplicationStarted event: wasm compiled,
//   instantiated and main() run) and bench:rows-in-dom (a MutationObserver: the first
//   .row-label is in the document, i.e. the task that built the view has finished).
// From the trace: the renderer main thread's events, with self time per event, grouped into
// script / wasm compile / parse HTML+CSS / style+layout / paint / GC / other, summed per phase;
// the first Paint after the paint mark; and the CPU samples (self time per function, and per
// "bucket": which code the sample is in, by the innermost frame of a known crate).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CATEGORIES = [
  'toplevel', 'blink.user_timing', 'loading', 'devtools.timeline', 'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame', 'v8', 'v8.execute', 'v8.wasm', 'disabled-by-default-v8.cpu_profiler',
];

function activity(name) {
  if (/LogCode|CpuProfiler|ProfileChunk|V8\.LogCode/.test(name)) return 'profiler';
  if (/GrowMemory/.test(name)) return 'wasm grow';
  if (/wasm|^v8\.newInstance/i.test(name)) return 'wasm compile';
  if (/^(EvaluateScript|v8\.compile|v8\.compileModule|FunctionCall|v8\.callFunction|V8\.Execute|v8\.run|TimerFire|FireAnimationFrame|RunMicrotasks|EventDispatch|v8\.evaluateModule|XHRReadyStateChange|XHRLoad|FireIdleCallback|V8\.ScriptCompiler|v8\.produceCache|v8\.parseOnBackground|v8\.deserializeOnBackground|V8\.Bytecode|V8\.StackGuard|V8\.HandleInterrupts|V8\.CompileLazy|V8\.OptimizeCode)/.test(name)) return 'script';
  if (/^(ParseHTML|ParseAuthorStyleSheet|ParseStyleSheet)/.test(name)) return 'HTML/CSS';
  if (/^(UpdateLayoutTree|RecalculateStyles|Layout|UpdateLayerTree|UpdateLayer|PrePaint|Layerize|HitTest|ScheduleStyleRecalculation|InvalidateLayout|IntersectionObserverController)/.test(name)) return 'style+layout';
  if (/^(Paint|PaintImage|PaintSetup|Commit|CompositeLayers|RasterTask|Decode|ImageDecodeTask)/.test(name)) return 'paint';
  if (/GC|garbage|Sweep|Mark(ing|Compact)|Scavenge|BlinkGC|ThreadState::/i.test(name)) return 'GC';
  return 'other';
}
// wasm compile: streaming compile of the module as it arrives, instantiation, and lazy (first-call)
// compilation of functions; wasm grow: memory.grow (copying/zeroing the linear memory);
// profiler: the sampling profiler's own code logging (only in this profiled load).
const ACTIVITIES = ['script', 'wasm compile', 'wasm grow', 'HTML/CSS', 'style+layout', 'paint', 'GC', 'profiler', 'other'];

// Which code a CPU sample is in: the innermost frame (leaf first) that names a known crate or
// part of the browser. Rust names are demangled by wasm-bindgen when the wasm keeps its name
// section (the profile build, see scripts/bench.sh); otherwise wasm frames are "wasm-function[N]".
function bucket(stack) {
  for (const f of stack) {
    const n = f.functionName;
    if (n === '(garbage collector)') return 'GC';
    if (n === '(idle)') return 'idle';
    if (n === '(program)') return 'browser (style, layout, paint, parse, compile)';
    if (/veikart_domain::(validate|json_path|model)|serde_json|serde::|<serde/.test(n)) return 'parse + validate (serde_json, veikart_domain::validate)';
    if (/veikart_domain::/.test(n)) return 'domain (index, lanes, layout, filter)';
    if (/^veikart::|<veikart::/.test(n)) return 'app views (veikart::)';
    if (/tachys|leptos|reactive_graph|any_spawner|or_poisoned|send_wrapper/.test(n)) return 'Leptos (tachys, reactive_graph)';
    if (/wasm_bindgen|js_sys|web_sys|^__wbg|__wbindgen|^__wbg_/.test(n)) return 'wasm-bindgen glue / DOM calls';
    if (/^wasm-function\[|^\$?func\d+/.test(n)) return 'wasm (no names)';
  }
  const leaf = stack[0];
  if (leaf && /^(dlmalloc|alloc::|core::|std::|<alloc|<core|memcpy|memset|memmove)/.test(leaf.functionName)) return 'Rust core/alloc (no crate above)';
  if (leaf && leaf.url && /\.js$/.test(leaf.url)) return 'JS (loader, glue)';
  return 'other native / DOM';
}

// Complete events (X, and B/E pairs) of one thread, with self time.
function threadEvents(events, pid, tid) {
  const out = [];
  const open = [];
  for (const e of events) {
    if (e.pid !== pid || e.tid !== tid) continue;
    if (e.ph === 'X' && typeof e.dur === 'number') out.push({ name: e.name, ts: e.ts, dur: e.dur });
    else if (e.ph === 'B') open.push(e);
    else if (e.ph === 'E') {
      for (let i = open.length - 1; i >= 0; i--) {
        if (open[i].name === e.name || !e.name) {
          out.push({ name: open[i].name, ts: open[i].ts, dur: e.ts - open[i].ts });
          open.splice(i, 1);
          break;
        }
      }
    }
  }
  out.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const stack = [];
  for (const e of out) {
    e.child = 0;
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) parent.child += Math.min(e.ts + e.dur, parent.ts + parent.dur) - e.ts;
    e.depth = stack.length;
    stack.push(e);
  }
  for (const e of out) e.self = Math.max(0, e.dur - e.child);
  return out;
}

// CPU profiles in the trace (Profile + ProfileChunk events), as samples [{ t (µs, trace clock), stack }].
function cpuSamples(events) {
  const profiles = new Map();
  for (const e of events) {
    if (e.name === 'Profile' && e.ph === 'P') {
      profiles.set(`${e.pid}:${e.id}`, { pid: e.pid, tid: e.tid, start: e.args.data.startTime, nodes: new Map(), samples: [], deltas: [] });
    }
  }
  for (const e of events) {
    if (e.name !== 'ProfileChunk') continue;
    const p = profiles.get(`${e.pid}:${e.id}`);
    if (!p) continue;
    const d = e.args.data || {};
    for (const n of d.cpuProfile?.nodes || []) p.nodes.set(n.id, n);
    p.samples.push(...(d.cpuProfile?.samples || []));
    p.deltas.push(...(d.timeDeltas || []));
  }
  const result = [];
  for (const p of profiles.values()) {
    const stackOf = new Map();
    const stack = (id) => {
      if (stackOf.has(id)) return stackOf.get(id);
      const s = [];
      for (let n = p.nodes.get(id); n; n = p.nodes.get(n.parent)) {
        if (n.callFrame.functionName !== '(root)') s.push(n.callFrame);
      }
      stackOf.set(id, s);
      return s;
    };
    let t = p.start;
    const samples = [];
    for (let i = 0; i < p.samples.length; i++) {
      t += p.deltas[i] || 0;
      samples.push({ t, stack: stack(p.samples[i]) });
    }
    // Each sample stands for the time until the next one.
    for (let i = 0; i < samples.length; i++) samples[i].w = i + 1 < samples.length ? samples[i + 1].t - samples[i].t : 0;
    result.push({ pid: p.pid, tid: p.tid, samples });
  }
  return result;
}

// Rust symbol noise: crate disambiguators [0123456789abcdef] and ::h<hash> suffixes.
const tidy = (n) => (n || '').replace(/\[[0-9a-f]{16}\]/g, '').replace(/::h[0-9a-f]{16}$/, '');

const overlap = (a0, a1, b0, b1) => Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));

export async function profileLoad(browser, url, { outFile, viewport = { width: 1280, height: 800 } } = {}) {
  const context = await browser.newContext({ viewport });
  await context.addInitScript(() => {
    addEventListener('TrunkApplicationStarted', () => performance.mark('bench:wasm-started'));
    const obs = new MutationObserver(() => {
      if (document.querySelector('.row-label')) {
        performance.mark('bench:rows-in-dom');
        obs.disconnect();
      }
    });
    obs.observe(document, { childList: true, subtree: true });
  });
  const page = await context.newPage();
  let perf, trace;
  try {
    await browser.startTracing(page, { categories: CATEGORIES });
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => performance.getEntriesByName('veikart:first-roadmap-paint').length > 0, null, { timeout: 120_000, polling: 50 });
    await page.waitForTimeout(700); // let the frame after the mark be painted and the trace flushed
    perf = await page.evaluate(() => ({
      nav: performance.getEntriesByType('navigation')[0].toJSON(),
      res: performance.getEntriesByType('resource').map((r) => r.toJSON()),
      marks: Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])),
      measures: Object.fromEntries(performance.getEntriesByType('measure').map((m) => [m.name, m.duration])),
      wasmNames: null,
    }));
    const buf = await browser.stopTracing();
    trace = JSON.parse(buf.toString('utf8'));
    if (outFile) {
      writeFileSync(outFile, buf);
      writeFileSync(`${outFile.replace(/\.trace\.json$/, '')}.perf.json`, JSON.stringify(perf));
    }
  } finally {
    await context.close();
  }
  const events = Array.isArray(trace) ? trace : trace.traceEvents;
  return analyse(events, perf);
}

export function analyse(events, perf) {
  const m = perf.marks;
  // The renderer main thread: where the app's marks are.
  const anchor = events.find((e) => e.name === 'veikart:parse-start' && e.cat.includes('blink.user_timing'));
  if (!anchor) throw new Error('profile: the trace has no veikart:parse-start mark');
  const { pid, tid } = anchor;
  const offset = anchor.ts - m['veikart:parse-start'] * 1000; // trace µs = offset + performance.now() × 1000
  const toMs = (ts) => (ts - offset) / 1000;
  // Consistency check of the clock mapping with another mark.
  const other = events.find((e) => e.name === 'veikart:validate-end' && e.pid === pid);
  const skew = other ? Math.abs(toMs(other.ts) - m['veikart:validate-end']) : NaN;

  const res = perf.res;
  const find = (re) => res.filter((r) => re.test(new URL(r.name).pathname));
  const js = find(/\.js$/);
  const wasm = find(/\.wasm$/);
  const feed = res.filter((r) => /\.json$/.test(new URL(r.name).pathname) || r.initiatorType === 'fetch' && !/\.wasm$/.test(r.name)).filter((r) => !/\.wasm$/.test(r.name)).at(-1);
  const maxEnd = (rs) => Math.max(...rs.map((r) => r.responseEnd));
  const nav = perf.nav;

  // The instants of the load, in the order they happened (ms since navigation start); the phases
  // are the intervals between consecutive instants.
  const main = threadEvents(events, pid, tid);
  const markTs = offset + m['veikart:first-roadmap-paint'] * 1000;
  // The first Paint on the main thread after the mark, and the Commit after it: that frame's pixels.
  const paintEv = main.find((e) => e.ts >= markTs && e.name === 'Paint');
  const commitEv = paintEv && main.find((e) => e.ts >= paintEv.ts && e.name === 'Commit');
  const pixels = commitEv ? toMs(commitEv.ts + commitEv.dur) : paintEv ? toMs(paintEv.ts + paintEv.dur) : NaN;
  const instants = [
    ['navigation start', 0],
    ['HTML received', nav.responseEnd],
    ['JS glue received', maxEnd(js)],
    ['wasm received', maxEnd(wasm)],
    ['feed requested', feed ? feed.startTime : NaN],
    ['wasm started', m['bench:wasm-started']],
    ['feed received', feed ? feed.responseEnd : NaN],
    ['parse start', m['veikart:parse-start']],
    ['parsed', m['veikart:parse-end']],
    ['validated', m['veikart:validate-end']],
    ['rows in DOM', m['bench:rows-in-dom']],
    ['paint mark', m['veikart:first-roadmap-paint']],
    ['pixels', pixels],
  ].filter(([, t]) => Number.isFinite(t)).sort((x, y) => x[1] - y[1]);
  const b = [];
  for (let i = 1; i < instants.length; i++) b.push([`${instants[i - 1][0]} → ${instants[i][0]}`, instants[i - 1][1], instants[i][1]]);

  // Main-thread activity per phase.
  const phases = b.map(([label, start, end]) => ({ label, start, end, wall: end - start, act: Object.fromEntries(ACTIVITIES.map((a) => [a, 0])) }));
  for (const e of main) {
    if (e.self <= 0 || e.depth === undefined) continue;
    const a = activity(e.name);
    const e0 = toMs(e.ts), e1 = toMs(e.ts + e.dur);
    for (const p of phases) {
      if (!Number.isFinite(p.start) || !Number.isFinite(p.end)) continue;
      const o = overlap(e0, e1, p.start, p.end);
      if (o > 0) p.act[a] += (e.self / 1000) * (o / (e1 - e0 || 1));
    }
  }

  // CPU samples of the main thread (the profile with the most app samples).
  const profiles = cpuSamples(events).filter((p) => p.pid === pid);
  const prof = profiles.sort((x, y) => y.samples.length - x.samples.length)[0];
  const endMs = Number.isFinite(pixels) ? pixels : m['veikart:first-roadmap-paint'];
  const fn = new Map();
  const buckets = new Map();
  let sampled = 0, named = 0, wasmFrames = 0;
  const perPhaseBuckets = phases.map(() => new Map());
  if (prof) {
    for (const s of prof.samples) {
      const t = toMs(s.t);
      if (t < 0 || t > endMs) continue;
      const w = s.w / 1000;
      sampled += w;
      const leaf = s.stack[0];
      const key = leaf ? `${tidy(leaf.functionName) || '(anonymous)'}${leaf.url ? ` [${leaf.url.split('/').pop().replace(/-[0-9a-f]{8,16}/, '-<hash>')}]` : ''}` : '(root)';
      fn.set(key, (fn.get(key) || 0) + w);
      const bk = bucket(s.stack);
      buckets.set(bk, (buckets.get(bk) || 0) + w);
      for (const f of s.stack) {
        if (/wasm/.test(f.url || '') || /^wasm-function|^\$?func\d/.test(f.functionName)) {
          wasmFrames++;
          if (!/^wasm-function|^\$?func\d/.test(f.functionName)) named++;
        }
      }
      phases.forEach((p, i) => {
        if (t >= p.start && t < p.end) perPhaseBuckets[i].set(bk, (perPhaseBuckets[i].get(bk) || 0) + w);
      });
    }
  }
  const top = [...fn.entries()].sort((x, y) => y[1] - x[1]);
  phases.forEach((p, i) => {
    const bs = [...perPhaseBuckets[i].entries()].filter(([k]) => k !== 'idle').sort((x, y) => y[1] - x[1]);
    p.topBucket = bs[0] ? `${bs[0][0]} ${bs[0][1].toFixed(0)} ms` : '';
  });
  return {
    phases, skew, paint: m['veikart:first-roadmap-paint'], pixels, measures: perf.measures,
    top, buckets: [...buckets.entries()].sort((x, y) => y[1] - x[1]), sampled,
    wasmNamed: wasmFrames ? named / wasmFrames : NaN, hasProfile: !!prof,
  };
}

export function printProfile(r, { label, f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : '-'), topN = 15 } = {}) {
  const lines = [];
  lines.push(`\nprofile of one load${label ? ` (${label})` : ''}: ms since navigation start; main-thread self time per phase from the trace`);
  const head = ['phase (from → to)', 'start', 'end', 'wall', ...ACTIVITIES, 'idle/wait', 'CPU samples: top bucket'];
  const rows = r.phases.map((p) => {
    const busy = ACTIVITIES.reduce((s, a) => s + p.act[a], 0);
    return [p.label, f1(p.start), f1(p.end), f1(p.wall), ...ACTIVITIES.map((a) => f1(p.act[a])), f1(Math.max(0, p.wall - busy)), p.topBucket || ''];
  });
  const w = head.map((_, i) => Math.max(...[head, ...rows].map((x) => String(x[i]).length)));
  const fmt = (x) => x.map((c, i) => (i === 0 || i === x.length - 1 ? String(c).padEnd(w[i]) : String(c).padStart(w[i]))).join('  ');
  lines.push(fmt(head));
  rows.forEach((x) => lines.push(fmt(x)));
  lines.push(`(clock mapping checked on a second mark: ${f1(r.skew)} ms apart; "paint mark" = veikart:first-roadmap-paint at ${f1(r.paint)} ms, pixels committed at ${f1(r.pixels)} ms)`);
  if (!r.hasProfile) {
    lines.push('no CPU profile in the trace');
    return lines.join('\n');
  }
  lines.push(`\nCPU samples, navigation → pixels (${f1(r.sampled)} ms sampled; wasm frames with names: ${Number.isFinite(r.wasmNamed) ? Math.round(r.wasmNamed * 100) : '-'} %), by bucket (innermost known frame):`);
  for (const [k, v] of r.buckets) lines.push(`  ${f1(v).padStart(8)} ms  ${(100 * v / r.sampled).toFixed(1).padStart(5)} %  ${k}`);
  lines.push(`top ${topN} functions by self time:`);
  for (const [k, v] of r.top.filter(([k]) => k !== '(idle)').slice(0, topN)) lines.push(`  ${f1(v).padStart(8)} ms  ${(100 * v / r.sampled).toFixed(1).padStart(5)} %  ${k.length > 110 ? `${k.slice(0, 107)}...` : k}`);
  return lines.join('\n');
}

// Re-analyse a saved trace: node scripts/bench/profile.mjs target/bench/profile-5000.trace.json
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = process.argv[2] || 'target/bench/profile-5000.trace.json';
  const trace = JSON.parse(readFileSync(file, 'utf8'));
  const perf = JSON.parse(readFileSync(`${file.replace(/\.trace\.json$/, '')}.perf.json`, 'utf8'));
  console.log(printProfile(analyse(Array.isArray(trace) ? trace : trace.traceEvents, perf), { label: file }));
}
