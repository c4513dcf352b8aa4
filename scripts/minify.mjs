#!/usr/bin/env node
// Minified CSS and wasm-bindgen JS in a release build (issue 14), with esbuild (npm, pinned in
// package.json). Runs first in trunk's post_build hook, before scripts/csp.py and
// scripts/compress.mjs.
//
// What it does, in the staging directory trunk hands its hooks:
//   - every stylesheet and module index.html links with an integrity hash (trunk's `rel="css"`
//     outputs and the app's wasm-bindgen JS, `rel="modulepreload"`) is minified;
//   - each minified file gets a new name, trunk's name with its hash replaced by the first 16 hex
//     digits of the SHA-256 of the minified bytes, and index.html follows: every reference to the
//     old name (the link, the inline module script's import) and the link's `integrity`
//     (SHA-384 of the new bytes).
// Why a new name: the hashed files are served `immutable` for a year (docs/hosting.md), and
// trunk's hash of the JS comes from the wasm, not from the JS. Under the old name, a newer esbuild
// that minifies the same glue differently would meet a browser's cached copy that no longer
// matches index.html's integrity, and the app would not start.
//
// Not minified: index.html and its inline scripts (trunk's own `--minify` was measured and turned
// down: its HTML minifier turned the early script's '\n' into a literal backslash-n, README
// "Size"), the workbook worker's JS (classic script, loaded on demand), public/ (the feed stays
// readable as published).
//
// usage:
//   node scripts/minify.mjs [DIR]       DIR, or $TRUNK_STAGING_DIR in a release build
//                                       (TRUNK_PROFILE=release); a debug build is left alone
//   node scripts/minify.mjs --js FILE   print FILE's JS minified as here (scripts/bench.sh and
//                                       scripts/bench/ab.sh compare trunk's wasm-bindgen output
//                                       with dist/ through it)
import { createHash } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { transform } from 'esbuild';

// esbuild's options: nothing but minification (no target lowering, no bundling, no renaming of
// properties), ES module output for the glue.
async function minify(code, kind) {
  const out = await transform(code, {
    loader: kind,
    minify: true,
    legalComments: 'none',
    ...(kind === 'js' ? { format: 'esm' } : {}),
  });
  return out.code;
}

const args = process.argv.slice(2);
if (args[0] === '--js') {
  if (!args[1]) {
    console.error('usage: node scripts/minify.mjs --js FILE');
    process.exit(64);
  }
  process.stdout.write(await minify(await readFile(args[1], 'utf8'), 'js'));
  process.exit(0);
}

let dir = args[0];
if (!dir) {
  if ((process.env.TRUNK_PROFILE || 'release') !== 'release') process.exit(0);
  dir = process.env.TRUNK_STAGING_DIR;
  if (!dir) {
    console.error('minify.mjs: no DIR and no TRUNK_STAGING_DIR');
    process.exit(2);
  }
}

const htmlPath = join(dir, 'index.html');
let html = await readFile(htmlPath, 'utf8');
// <link ... href="/name-<hash>.css|js" ... integrity="sha384-..."> (attributes in any order).
// trunk's hash has up to 16 hex digits (it drops leading zeros; docs/hosting.md).
const LINK = /<link\b[^>]*>/g;
const HREF = /\bhref="\/?([A-Za-z0-9_.-]+-[0-9a-f]{8,16})\.(css|js)"/;
const seen = new Set();
const report = [];
for (const tag of html.match(LINK) || []) {
  const m = tag.match(HREF);
  if (!m || !/\bintegrity="/.test(tag)) continue;
  const [, stem, ext] = m;
  const oldName = `${stem}.${ext}`;
  if (seen.has(oldName)) continue;
  seen.add(oldName);
  const oldPath = join(dir, oldName);
  const before = await readFile(oldPath, 'utf8');
  const after = await minify(before, ext);
  const digest = createHash('sha256').update(after).digest('hex').slice(0, 16);
  const newName = `${stem.replace(/-[0-9a-f]{8,16}$/, '')}-${digest}.${ext}`;
  const sri = `sha384-${createHash('sha384').update(after).digest('base64')}`;
  await writeFile(oldPath, after);
  if (newName !== oldName) await rename(oldPath, join(dirname(oldPath), newName));
  // The tag's integrity first (it names the old file), then every reference to the old name.
  const newTag = tag.replace(/\bintegrity="[^"]*"/, `integrity="${sri}"`);
  html = html.split(tag).join(newTag).split(`/${oldName}`).join(`/${newName}`);
  report.push(`${basename(oldName)} ${Buffer.byteLength(before)} -> ${newName} ${Buffer.byteLength(after)} B`);
}
if (!report.length) {
  console.error('minify.mjs: index.html links no hashed .css or .js with an integrity hash');
  process.exit(1);
}
await writeFile(htmlPath, html);
console.log(`minify.mjs: ${report.join('; ')}`);
