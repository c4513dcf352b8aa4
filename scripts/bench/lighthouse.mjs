// Lighthouse 12.8.2 runs for scripts/bench.mjs: the CLI from node_modules in a child process, with
// Debian's Chromium (CHROME_PATH) headless, performance category only. Mobile = Lighthouse's
// default (Moto G Power emulation, simulated slow 4G: 150 ms RTT, 1.6 Mbit/s, 4× CPU slowdown);
// desktop = --preset=desktop (simulated 40 ms RTT, 10 Mbit/s, no CPU slowdown). Several runs per
// form factor; the reported run is Lighthouse's own median run (core/lib/median-run.js: the run
// closest to the median FCP and TTI), the score range is over all runs.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const CLI = require.resolve('lighthouse/cli/index.js');
const { computeMedianRun } = await import(require.resolve('lighthouse/core/lib/median-run.js'));
export const LH_VERSION = require('lighthouse/package.json').version;

function run(args, env, timeoutMs) {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [CLI, ...args], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d) => { err += d; });
    const timer = setTimeout(() => { p.kill('SIGKILL'); reject(new Error(`lighthouse timed out after ${timeoutMs / 1000} s`)); }, timeoutMs);
    p.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`lighthouse exited ${code}: ${err.trim().split('\n').slice(-3).join(' | ')}`));
    });
  });
}

const num = (lhr, id) => lhr.audits[id]?.numericValue;

// The elements Lighthouse blames for layout shift: the "layout-shifts" audit (its node labels and
// selectors, with the shift score of each), or nothing when there was no shift.
function shiftElements(lhr) {
  const items = lhr.audits['layout-shifts']?.details?.items || [];
  return items.map((it) => ({
    score: it.score,
    label: it.node?.nodeLabel || '',
    selector: it.node?.selector || '',
    snippet: it.node?.snippet || '',
    causes: (it.subItems?.items || []).map((s) => s.cause || s.extra?.value || '').filter(Boolean),
  }));
}

export function summary(lhr) {
  const lcpEl = lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node
    || lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.node;
  return {
    score: Math.round((lhr.categories.performance.score ?? NaN) * 100),
    fcp: num(lhr, 'first-contentful-paint'),
    lcp: num(lhr, 'largest-contentful-paint'),
    tbt: num(lhr, 'total-blocking-time'),
    cls: num(lhr, 'cumulative-layout-shift'),
    si: num(lhr, 'speed-index'),
    tti: num(lhr, 'interactive'),
    shifts: shiftElements(lhr),
    lcpElement: lcpEl ? `${lcpEl.selector || ''} "${String(lcpEl.nodeLabel || '').replace(/\s+/g, ' ').slice(0, 60)}"` : '',
    warnings: lhr.runWarnings || [],
    error: lhr.runtimeError?.message,
  };
}

// Runs Lighthouse `runs` times for one form factor; returns { median, all } summaries.
export async function lighthouse(url, { preset, runs = 3, chrome = '/usr/bin/chromium', outDir, timeoutMs = 180_000, log = () => {} }) {
  mkdirSync(outDir, { recursive: true });
  const lhrs = [];
  for (let i = 0; i < runs; i++) {
    const out = join(outDir, `lighthouse-${preset}-${i + 1}.json`);
    const args = [url, '--output=json', `--output-path=${out}`, '--only-categories=performance', '--quiet',
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync'];
    if (preset === 'desktop') args.push('--preset=desktop');
    const t = Date.now();
    await run(args, { ...process.env, CHROME_PATH: chrome }, timeoutMs);
    const lhr = JSON.parse(readFileSync(out, 'utf8'));
    lhrs.push(lhr);
    const s = summary(lhr);
    log(`  lighthouse ${preset} ${i + 1}/${runs}: performance ${s.score}, LCP ${(s.lcp / 1000).toFixed(2)} s, CLS ${s.cls?.toFixed(3)}, TBT ${Math.round(s.tbt)} ms (${((Date.now() - t) / 1000).toFixed(0)} s)`);
  }
  const median = computeMedianRun(lhrs);
  return { median: summary(median), all: lhrs.map(summary), file: join(outDir, `lighthouse-${preset}-${lhrs.indexOf(median) + 1}.json`) };
}
