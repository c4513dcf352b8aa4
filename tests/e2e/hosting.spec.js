// Hosting (issue 14): the release build carries precompressed .br/.gz variants (scripts/
// compress.mjs, trunk's post_build hook) and scripts/spa_server.py sends them by Accept-Encoding
// with the cache headers of docs/hosting.md. Also: no benchmark peer (dhtmlx-gantt, frappe-gantt,
// vis-timeline; issue 18) is ever part of dist/.
const { test, expect } = require('@playwright/test');
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const crypto = require('crypto');

const DIST = path.resolve(process.env.DIST_DIR || 'dist');
const COMPRESSIBLE = /\.(html|js|mjs|css|wasm|json|svg|txt|xml|map|webmanifest|ico)$/i;

function files(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : [p];
  });
}
const top = (re) => fs.readdirSync(DIST).find((f) => re.test(f));
const WASM = top(/^veikart-[0-9a-f]{8,}_bg\.wasm$/);
const JS = top(/^veikart-[0-9a-f]{8,}\.js$/);
const CSS = top(/-[0-9a-f]{8,}\.css$/);

test('dist/ has .br and .gz next to every compressible file, with the same bytes inside', () => {
  const all = files(DIST);
  const originals = all.filter((f) => COMPRESSIBLE.test(f));
  expect(originals.length).toBeGreaterThan(3);
  for (const f of originals) {
    const body = fs.readFileSync(f);
    expect(zlib.brotliDecompressSync(fs.readFileSync(`${f}.br`)).equals(body), `${f}.br`).toBe(true);
    expect(zlib.gunzipSync(fs.readFileSync(`${f}.gz`)).equals(body), `${f}.gz`).toBe(true);
  }
  // the wasm and the feed are much smaller compressed
  expect(fs.statSync(path.join(DIST, `${WASM}.br`)).size).toBeLessThan(fs.statSync(path.join(DIST, WASM)).size / 2);
});

// scripts/minify.mjs (trunk's post_build hook, release builds): the stylesheets and the app's JS
// glue are minified and named by their own content, and index.html's integrity hashes match them.
test('the CSS and the JS glue are minified, named by their content, and match their integrity', () => {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const linked = [...html.matchAll(/<link\b[^>]*\bhref="\/([^"]+-([0-9a-f]{16})\.(css|js))"[^>]*>/g)];
  expect(linked.map((m) => m[3]).sort()).toEqual(['css', 'css', 'css', 'js']);
  for (const [tag, name, digest] of linked) {
    const body = fs.readFileSync(path.join(DIST, name));
    const sri = tag.match(/\bintegrity="(sha384-[^"]+)"/);
    expect(sri, `${name} has an integrity hash`).not.toBeNull();
    expect(sri[1], `${name}: integrity`).toBe(`sha384-${crypto.createHash('sha384').update(body).digest('base64')}`);
    expect(digest, `${name}: named by its content`).toBe(crypto.createHash('sha256').update(body).digest('hex').slice(0, 16));
    // minified: one or two lines, where the sources have hundreds
    expect(body.toString('utf8').split('\n').length, `${name} is minified`).toBeLessThan(5);
  }
  // the loader imports the renamed glue
  const js = linked.find((m) => m[3] === 'js')[1];
  expect(html).toContain(`from '/${js}'`);
});

test('no benchmark peer (dhtmlx-gantt, frappe-gantt, vis-timeline) in dist/', () => {
  for (const f of files(DIST).filter((x) => !/\.(br|gz)$/.test(x))) {
    const text = fs.readFileSync(f).toString('latin1');
    expect(/dhtmlx|frappe-gantt|vis-timeline/i.test(text), `benchmark peer code in ${path.relative(DIST, f)}`).toBe(false);
  }
});

test('encoding follows Accept-Encoding: br, then gzip, then identity; always Vary', async ({ request }) => {
  const cases = [
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip;q=0.5', 'gzip'],
    ['identity', undefined],
    ['*', 'br'],
  ];
  const raw = fs.readFileSync(path.join(DIST, 'public', 'feed.json'));
  for (const [ae, want] of cases) {
    const r = await request.get('/public/feed.json', { headers: { 'Accept-Encoding': ae } });
    expect(r.status(), ae).toBe(200);
    const h = r.headers();
    expect(h['content-encoding'], ae).toBe(want);
    expect(h.vary, ae).toBe('Accept-Encoding');
    expect(h['content-type']).toContain('application/json');
    const variant = want === 'br' ? '.br' : want === 'gzip' ? '.gz' : '';
    expect(Number(h['content-length']), ae).toBe(fs.statSync(path.join(DIST, 'public', `feed.json${variant}`)).size);
    expect((await r.body()).equals(raw), `decoded body for ${ae}`).toBe(true);
  }
});

test('hashed assets are immutable for a year; wasm keeps its MIME type', async ({ request }) => {
  for (const [file, type] of [[WASM, 'application/wasm'], [JS, 'text/javascript'], [CSS, 'text/css']]) {
    expect(file, 'hashed file in dist/').toBeTruthy();
    const r = await request.get(`/${file}`, { headers: { 'Accept-Encoding': 'br, gzip' } });
    expect(r.status()).toBe(200);
    const h = r.headers();
    expect(h['cache-control'], file).toBe('public, max-age=31536000, immutable');
    expect(h['content-type'], file).toContain(type);
    expect(h['content-encoding'], file).toBe('br');
  }
});

test('index.html and client-side routes: no-cache, compressed, with the CSP header', async ({ request }) => {
  for (const p of ['/', '/index.html', '/tiltak/PLL', '/avhengigheter']) {
    const r = await request.get(p, { headers: { 'Accept-Encoding': 'br, gzip' } });
    expect(r.status(), p).toBe(200);
    const h = r.headers();
    expect(h['cache-control'], p).toBe('no-cache');
    expect(h['content-type'], p).toContain('text/html');
    expect(h['content-encoding'], p).toBe('br');
    expect(h['content-security-policy'], p).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect((await r.text()).includes('<div id="boot-shell"'), p).toBe(true);
  }
  const missing = await request.get('/nope.js');
  expect(missing.status()).toBe(404);
});

test('the feed has an ETag, no-cache, and answers If-None-Match with 304', async ({ request }) => {
  for (const ae of ['br', 'gzip', 'identity']) {
    const r = await request.get('/public/feed.json', { headers: { 'Accept-Encoding': ae } });
    const etag = r.headers().etag;
    expect(etag, ae).toMatch(/^"[0-9a-f]{32}(-br|-gz)?"$/);
    expect(r.headers()['cache-control']).toBe('no-cache');
    const again = await request.get('/public/feed.json', { headers: { 'Accept-Encoding': ae, 'If-None-Match': etag } });
    expect(again.status(), ae).toBe(304);
    expect(again.headers().etag).toBe(etag);
    expect(again.headers().vary).toBe('Accept-Encoding');
    const other = await request.get('/public/feed.json', { headers: { 'Accept-Encoding': ae, 'If-None-Match': '"something-else"' } });
    expect(other.status(), ae).toBe(200);
  }
  // one ETag per encoding: a cached gzip body is never taken for a br one
  const br = (await request.get('/public/feed.json', { headers: { 'Accept-Encoding': 'br' } })).headers().etag;
  const gz = (await request.get('/public/feed.json', { headers: { 'Accept-Encoding': 'gzip' } })).headers().etag;
  expect(br).not.toBe(gz);
});

test('the browser gets the wasm, JS and feed brotli-compressed and the app still boots', async ({ page }) => {
  const enc = {};
  page.on('response', async (r) => {
    const p = new URL(r.url()).pathname;
    if (/\.(wasm|js|json|css)$/.test(p) || p === '/') enc[p] = (await r.allHeaders())['content-encoding'];
  });
  await page.goto('/');
  await expect(page.getByText('Pasientens legemiddelliste').first()).toBeVisible({ timeout: 15_000 });
  expect(enc[`/${WASM}`]).toBe('br');
  expect(enc[`/${JS}`]).toBe('br');
  expect(enc['/public/feed.json']).toBe('br');
  expect(enc['/']).toBe('br');
});
