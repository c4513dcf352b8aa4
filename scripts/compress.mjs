#!/usr/bin/env node
// Precompressed assets (issue 14): writes FILE.br (brotli, quality 11) and FILE.gz (gzip -9) next
// to every compressible file under the given directories, so a static server can send them as
// they are (scripts/spa_server.py; nginx `brotli_static` / `gzip_static`, see docs/hosting.md).
// Node's built-in zlib only: no dependency.
//
// usage:
//   node scripts/compress.mjs DIR...        compress everything under each DIR (recursively)
//   node scripts/compress.mjs               trunk's post_build hook: $TRUNK_STAGING_DIR, release
//                                           builds only (TRUNK_PROFILE=release); a debug build
//                                           (trunk serve) is left alone, it is rebuilt too often
//   --quiet                                 no summary line
//   --keep-fresh                            leave a file alone when its .br and .gz exist and are
//                                           not older than it (scripts/bench.sh: the big synthetic
//                                           feeds are compressed once, not on every run)
//
// Compressed: .html .js .mjs .css .wasm .json .svg .txt .xml .map .webmanifest .ico (the wasm, the
// wasm-bindgen JS, the CSS, index.html, the feed(s) and the schema, embed.js, …). Both variants are
// always written, even when one is not smaller (the server may still prefer the original: see
// spa_server.py). The variants are written after their originals, so they are newer: spa_server.py
// ignores a variant that is older than its original (a feed replaced without re-running this).
import { readdir, readFile, writeFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
const COMPRESSIBLE = /\.(html|js|mjs|css|wasm|json|svg|txt|xml|map|webmanifest|ico)$/i;
const TEXT = /\.(html|js|mjs|css|json|svg|txt|xml|map|webmanifest)$/i;

const args = process.argv.slice(2);
const quiet = args.includes('--quiet');
const keepFresh = args.includes('--keep-fresh');
let dirs = args.filter((a) => !a.startsWith('--'));
if (!dirs.length) {
  if ((process.env.TRUNK_PROFILE || 'release') !== 'release') process.exit(0);
  if (!process.env.TRUNK_STAGING_DIR) {
    console.error('compress.mjs: no DIR and no TRUNK_STAGING_DIR');
    process.exit(2);
  }
  dirs = [process.env.TRUNK_STAGING_DIR];
}

async function* walk(dir) {
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else if (e.isFile() && COMPRESSIBLE.test(e.name)) yield p;
  }
}

async function fresh(path) {
  try {
    const [o, b, g] = await Promise.all([path, `${path}.br`, `${path}.gz`].map((p) => stat(p)));
    return b.mtimeMs >= o.mtimeMs && g.mtimeMs >= o.mtimeMs;
  } catch {
    return false;
  }
}

async function compress(path) {
  if (keepFresh && (await fresh(path))) return null;
  const body = await readFile(path);
  // Brotli's window: large enough for the whole file (up to 16 MB), which matters for a 5 MB feed.
  const lgwin = Math.min(24, Math.max(16, Math.ceil(Math.log2(body.length + 1))));
  const [br, gz] = await Promise.all([
    brotli(body, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_LGWIN]: lgwin,
        [zlib.constants.BROTLI_PARAM_MODE]: TEXT.test(path) ? zlib.constants.BROTLI_MODE_TEXT : zlib.constants.BROTLI_MODE_GENERIC,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }),
    gzip(body, { level: 9, memLevel: 9 }),
  ]);
  await writeFile(`${path}.br`, br);
  await writeFile(`${path}.gz`, gz);
  return { raw: body.length, br: br.length, gz: gz.length };
}

const t0 = process.hrtime.bigint();
const tot = { files: 0, kept: 0, raw: 0, br: 0, gz: 0 };
for (const dir of dirs) {
  if (!(await stat(dir)).isDirectory()) throw new Error(`compress.mjs: ${dir} is not a directory`);
  const files = [];
  for await (const f of walk(dir)) files.push(f);
  // A few at a time: the zlib thread pool does the work; the biggest first (the wasm, the feeds).
  const sized = await Promise.all(files.map(async (f) => [f, (await stat(f)).size]));
  sized.sort((a, b) => b[1] - a[1]);
  const queue = sized.map(([f]) => f);
  await Promise.all(Array.from({ length: 4 }, async () => {
    for (let f = queue.shift(); f; f = queue.shift()) {
      const r = await compress(f);
      if (!r) {
        tot.kept++;
        continue;
      }
      tot.files++;
      tot.raw += r.raw;
      tot.br += r.br;
      tot.gz += r.gz;
      if (process.env.COMPRESS_VERBOSE) console.log(`  ${relative(dir, f)}: ${r.raw} B → br ${r.br} B, gz ${r.gz} B`);
    }
  }));
}
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
if (!quiet) {
  console.log(`compress.mjs: ${tot.files} files, ${tot.raw} B → .br ${tot.br} B, .gz ${tot.gz} B${tot.kept ? `, ${tot.kept} already fresh` : ''} (${(ms / 1000).toFixed(1)} s)`);
}
