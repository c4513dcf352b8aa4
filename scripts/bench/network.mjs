// What the browser actually fetches for a page (scripts/bench.mjs): one load in a fresh context,
// recorded from the DevTools protocol's network log (Network domain), until the app's first
// roadmap paint and then one second without requests.
//
// Per request: transferred bytes (encodedDataLength at loadingFinished: what came over the wire,
// response headers included), body bytes (Content-Length: the encoded body, e.g. the .br file),
// decoded bytes (the body after Content-Encoding, from Network.getResponseBody) and gzip -9 of the
// decoded body (GNU gzip, `-n`: the unit of the size budgets).
import { execFileSync } from 'node:child_process';

export const gzip9 = (buf) => execFileSync('gzip', ['-9', '-n', '-c'], { input: buf, maxBuffer: 1 << 28 }).length;

export function kind(mime, url) {
  const m = (mime || '').toLowerCase();
  if (m.includes('wasm') || url.endsWith('.wasm')) return 'wasm';
  if (m.includes('javascript') || /\.m?js$/.test(url)) return 'js';
  if (m.includes('css')) return 'css';
  if (m.includes('html')) return 'html';
  if (m.includes('json')) return 'json';
  if (m.startsWith('image/')) return 'image';
  if (m.startsWith('font/') || m.includes('font')) return 'font';
  return 'other';
}

export async function networkLog(browser, url, { mark = 'veikart:first-roadmap-paint', viewport = { width: 1280, height: 800 } } = {}) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const reqs = new Map();
  let last = Date.now();
  cdp.on('Network.requestWillBeSent', (e) => {
    last = Date.now();
    if (!reqs.has(e.requestId)) reqs.set(e.requestId, { url: e.request.url, cdpType: e.type, done: false });
  });
  cdp.on('Network.responseReceived', (e) => {
    const r = reqs.get(e.requestId);
    if (!r) return;
    const h = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
    Object.assign(r, {
      status: e.response.status,
      mime: e.response.mimeType,
      cdpType: e.type || r.cdpType,
      encoding: h['content-encoding'] || 'identity',
      contentLength: h['content-length'] !== undefined ? Number(h['content-length']) : NaN,
      cacheControl: h['cache-control'] || '',
      fromCache: e.response.fromDiskCache || e.response.fromServiceWorker,
    });
  });
  cdp.on('Network.loadingFinished', (e) => {
    last = Date.now();
    const r = reqs.get(e.requestId);
    if (r) Object.assign(r, { done: true, transferred: e.encodedDataLength });
  });
  cdp.on('Network.loadingFailed', (e) => {
    last = Date.now();
    const r = reqs.get(e.requestId);
    if (r) Object.assign(r, { done: true, failed: e.errorText });
  });
  await cdp.send('Network.enable', { maxTotalBufferSize: 64 << 20, maxResourceBufferSize: 32 << 20 });
  try {
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, mark, { timeout: 60_000, polling: 50 });
    const t0 = Date.now();
    while (Date.now() - t0 < 15_000) {
      const busy = [...reqs.values()].some((r) => !r.done);
      if (!busy && Date.now() - last > 1000) break;
      await page.waitForTimeout(100);
    }
    const out = [];
    for (const [id, r] of reqs) {
      if (r.url.startsWith('data:')) continue;
      let decoded = NaN, gz = NaN;
      if (r.done && !r.failed) {
        try {
          const { body, base64Encoded } = await cdp.send('Network.getResponseBody', { requestId: id });
          const buf = Buffer.from(body, base64Encoded ? 'base64' : 'utf8');
          decoded = buf.length;
          gz = gzip9(buf);
        } catch { /* no body (e.g. a 304) */ }
      }
      const path = new URL(r.url).pathname;
      out.push({ ...r, path, kind: kind(r.mime, path), decoded, gz });
    }
    return out;
  } finally {
    await context.close();
  }
}
