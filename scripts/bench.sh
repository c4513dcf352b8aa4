#!/usr/bin/env bash
# Benchmark (NOT part of the tests; see the README's performance section). Steps:
#  1. trunk build --release (its post_build hook writes .br/.gz next to every asset, scripts/
#     compress.mjs); checks that no benchmark peer (dhtmlx-gantt, frappe-gantt, vis-timeline) is
#     in dist/; wasm/JS raw, gzip -9 and brotli sizes;
#  2. builds veikart-synth and veikart-loadtime (profile native-bench = release at opt-level 3)
#     and generates the synthetic feeds (1 000 and 5 000 measures, seed 1), checks them with
#     veikart-check (which fails on a feed that does not parse);
#  3. times parse + validate natively (median of 15);
#  4. builds the benchmark site ${CARGO_TARGET_DIR:-target}/bench/site/ (never committed): dist/ +
#     bench/ (the feeds, the peer pages scripts/bench/*.html and the peer libraries from
#     node_modules), all precompressed; serves it with scripts/spa_server.py (br/gzip, cache
#     headers, CSP) on one origin and runs scripts/bench.mjs: first paint, wasm parse/validate,
#     regrouping, zoom and filter changes, heap; the peers on the same 5 000-measure feed; what the
#     browser fetches for /; Lighthouse mobile + desktop; optionally a profile of the first paint.
# Env: BENCH_RUNS (default 7, at least 5)      BENCH_NO_BUILD=1 (measure the existing dist/)
#      BENCH_STRICT=1 (exit 1 when a budget is missed)
#      BENCH_PEERS (default "vis dhtmlx frappe"; BENCH_PEERS= for none)   BENCH_NO_PEERS=1 (same)
#      BENCH_PEER_RUNS (loads per peer, default 5, at least 5; BENCH_VIS_RUNS is the old name)
#      BENCH_PEER_TIMEOUT (seconds per peer load, default 60; a slower load counts as "> 60 s", and
#                          once more than half of the loads are over it the rest are skipped)
#      BENCH_NO_LIGHTHOUSE=1   BENCH_LH_RUNS (Lighthouse runs per form factor, default 3)
#      BENCH_PROFILE=1 (trace + CPU profile of one 5 000-measure load, with a wasm that keeps its
#                       function names: the same wasm-bindgen output through wasm-opt -Oz -g)
#      BENCH_QUICK=1 (no peers, no Lighthouse, 5 loads: a quick look)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
T_START=$SECONDS
if [ "${BENCH_QUICK:-}" = 1 ]; then
  export BENCH_PEERS="" BENCH_NO_LIGHTHOUSE=1
  BENCH_RUNS=${BENCH_RUNS:-5}
fi
[ "${BENCH_NO_PEERS:-}" = 1 ] && export BENCH_PEERS=""
RUNS=${BENCH_RUNS:-7}
((RUNS >= 5)) || RUNS=5
TARGET=${CARGO_TARGET_DIR:-target}
OUT=$TARGET/bench
mkdir -p "$OUT"
export BENCH_OUT=$ROOT/$OUT
[[ $TARGET = /* ]] && export BENCH_OUT=$OUT

bash scripts/setup.sh >/dev/null
export PATH="$ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

if [ "${BENCH_NO_BUILD:-}" != 1 ]; then
  s=$SECONDS
  trunk build --release </dev/null >"$OUT/build.log" 2>&1 ||
    { cat "$OUT/build.log"; echo "bench: trunk build --release failed" >&2; exit 1; }
  echo "release build: $((SECONDS - s)) s (trunk build --release, log in $OUT/build.log; $(grep -o 'compress.mjs: .*' "$OUT/build.log" | tail -1))"
fi
[ -f dist/index.html ] || { echo "bench: dist/index.html missing" >&2; exit 1; }

# --- benchmark peers must never be shipped (dhtmlx-gantt's community edition is GPL-2.0 in the
#     issue's terms; none of the peers belongs in the app) ----------------------------------------
if peer_hits=$(grep -rlaiE 'dhtmlx|frappe-gantt|vis-timeline' dist --exclude='*.br' --exclude='*.gz'); then
  echo "bench: a benchmark peer is in dist/ (never ship it): $peer_hits" >&2
  exit 1
fi
echo "dist/ holds no benchmark peer (no dhtmlx / frappe-gantt / vis-timeline in any file): OK"

gz() { gzip -9 -n -c "$1" | wc -c; }
raw() { wc -c <"$1"; }
brs() { if [ -f "$1.br" ]; then wc -c <"$1.br"; else echo -; fi; }
row() { printf '%-44s %10s %10s %10s\n' "$@"; }

mapfile -t WASM < <(find dist -maxdepth 1 -name '*.wasm' | sort)
# JS: the wasm-bindgen glue at the top of dist/ plus any snippets/ it emitted (not public/).
mapfile -t JS < <(find dist -path dist/public -prune -o -name '*.js' -print | sort)
mapfile -t CSS < <(find dist -maxdepth 1 -name '*.css' | sort)
((${#WASM[@]})) || { echo "bench: no .wasm in dist/" >&2; exit 1; }

echo
row file "raw B" "gzip-9 B" "br B"
row ---- ----- -------- ----
tot_gz=0
for f in "${WASM[@]}" "${JS[@]}"; do
  r=$(raw "$f") g=$(gz "$f")
  tot_gz=$((tot_gz + g))
  row "${f#dist/}" "$r" "$g" "$(brs "$f")"
done
for f in "${CSS[@]}" dist/index.html; do row "${f#dist/} (not in budget)" "$(raw "$f")" "$(gz "$f")" "$(brs "$f")"; done
row ---- ----- -------- ----
row "wasm + JS total (all of dist/)" "" "$tot_gz" ""
n_br=$(find dist -name '*.br' | wc -l)
echo "precompressed variants in dist/: $n_br .br, $(find dist -name '*.gz' | wc -l) .gz"
export BENCH_SIZE_GZ=$tot_gz

# --- synthetic feeds and native parse + validate ----------------------------------------------
echo
cargo build -q --profile native-bench -p veikart-domain --bin veikart-synth --bin veikart-loadtime --bin veikart-check
BIN=$TARGET/native-bench
# bench/ of the site lives in $OUT/static and is updated in place, file by file, only when a file
# changed, so the large feeds are compressed once (compress.mjs --keep-fresh), not on every run.
STATIC=$OUT/static
mkdir -p "$STATIC"
put() { # put SRC NAME: copy SRC to $STATIC/NAME when it differs
  cmp -s "$1" "$STATIC/$2" 2>/dev/null || cp "$1" "$STATIC/$2"
}
for n in 1000 5000; do
  "$BIN/veikart-synth" "$n" 1 >"$OUT/feed-$n.json.tmp"
  put "$OUT/feed-$n.json.tmp" "feed-$n.json"
  rm -f "$OUT/feed-$n.json.tmp"
done
"$BIN/veikart-check" "$STATIC"/feed-*.json | grep -v '^.*: warning' || { echo "bench: a synthetic feed fails veikart-check" >&2; exit 1; }
echo "synthetic feeds (veikart-synth N 1, in $STATIC/): $(wc -c <"$STATIC/feed-1000.json") B and $(wc -c <"$STATIC/feed-5000.json") B"
echo "native parse + validate (veikart-loadtime, opt-level 3, median of 15):"
for k in default 1000 5000; do
  f=$STATIC/feed-$k.json
  [ "$k" = default ] && f=public/feed.json
  out=$("$BIN/veikart-loadtime" "$f" 15)
  echo "$out" | sed 's/^/  /'
  out=$(head -1 <<<"$out")
  # "… parse P ms, validate V ms, parse+validate T ms" -> "P V T"
  export "BENCH_NATIVE_${k^^}=$(sed -E 's/.*parse ([0-9.]+) ms, validate ([0-9.]+) ms, parse\+validate ([0-9.]+) ms/\1 \2 \3/' <<<"$out")"
done

# --- the benchmark site --------------------------------------------------------------------------
for f in scripts/bench/*.html scripts/bench/feed-items.js; do put "$f" "$(basename "$f")"; done
put node_modules/vis-timeline/standalone/umd/vis-timeline-graph2d.min.js vis-timeline-graph2d.min.js
put node_modules/vis-timeline/styles/vis-timeline-graph2d.min.css vis-timeline-graph2d.min.css
put node_modules/dhtmlx-gantt/codebase/dhtmlxgantt.js dhtmlxgantt.js
# Same origin only: dhtmlx-gantt's stylesheet loads the Inter font from fonts.gstatic.com; those
# @font-face rules are dropped (the text falls back to the page font, as in the other pages).
sed -E 's/@font-face\{[^}]*fonts\.gstatic\.com[^}]*\}//g' node_modules/dhtmlx-gantt/codebase/dhtmlxgantt.css >"$OUT/dhtmlxgantt.css.tmp"
put "$OUT/dhtmlxgantt.css.tmp" dhtmlxgantt.css
rm -f "$OUT/dhtmlxgantt.css.tmp"
put node_modules/frappe-gantt/dist/frappe-gantt.umd.js frappe-gantt.umd.js
put node_modules/frappe-gantt/dist/frappe-gantt.css frappe-gantt.css
node scripts/compress.mjs --keep-fresh "$STATIC"
SITE=$OUT/site
rm -rf "$SITE"
mkdir -p "$SITE"
cp -a dist/. "$SITE/"                 # -a: keeps mtimes, so the .br/.gz stay newer than their originals
node scripts/compress.mjs --keep-fresh --quiet "$SITE"  # no-op after a release build; BENCH_NO_BUILD of an old dist/
mkdir -p "$SITE/bench"
cp -a "$STATIC/." "$SITE/bench/"

# Profile site: the same build, but the wasm keeps its function names (wasm-opt -Oz -g on trunk's
# wasm-bindgen output), so the CPU profile can name Rust functions.
if [ "${BENCH_PROFILE:-}" = 1 ]; then
  PSITE=$OUT/site-profile
  rm -rf "$PSITE"
  cp -a "$SITE" "$PSITE"
  dist_wasm=${WASM[0]}
  bg=$TARGET/wasm-bindgen/release/veikart_bg.wasm
  label="release build (wasm without names: no wasm-bindgen output matching dist/ at $bg)"
  # Only when trunk's wasm-bindgen output belongs to this dist/ (same JS glue, which dist/ holds
  # minified by scripts/minify.mjs: compared through the same minifier).
  if [ -f "$bg" ] && cmp -s <(node scripts/minify.mjs --js "$TARGET/wasm-bindgen/release/veikart.js") "$(find dist -maxdepth 1 -name 'veikart-*.js' ! -name 'veikart-sheet-worker*' | head -1)"; then
    wasm-opt -Oz -g "$bg" -o "$OUT/named_bg.wasm"
    # integrity (SRI) of the wasm in index.html, if trunk wrote one, must follow the new file
    if grep -q 'integrity=' "$PSITE/index.html"; then
      name=$(basename "$dist_wasm")
      sri="sha384-$(openssl dgst -sha384 -binary "$OUT/named_bg.wasm" | base64 -w0)"
      python3 - "$PSITE/index.html" "$name" "$sri" <<'EOF'
import re, sys
path, name, sri = sys.argv[1:]
html = open(path, encoding="utf-8").read()
html = re.sub(r'(<link[^>]*href="[^"]*%s"[^>]*integrity=")[^"]*(")' % re.escape(name), lambda m: m.group(1) + sri + m.group(2), html)
open(path, "w", encoding="utf-8").write(html)
EOF
      rm -f "$PSITE/index.html".{br,gz}
    fi
    cp "$OUT/named_bg.wasm" "$PSITE/$(basename "$dist_wasm")"
    rm -f "$PSITE/$(basename "$dist_wasm")".{br,gz}
    node scripts/compress.mjs --quiet --keep-fresh "$PSITE"
    label="release build with wasm names (wasm-opt -Oz -g: $(wc -c <"$OUT/named_bg.wasm") B raw vs $(wc -c <"$dist_wasm") B)"
  fi
  export BENCH_PROFILE_LABEL=$label
fi

# --- browser -----------------------------------------------------------------------------------
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
serve() { # serve PORT DIR
  python3 scripts/spa_server.py "$1" "$2" &
  PIDS+=($!)
  for _ in $(seq 50); do
    curl -fsS -o /dev/null "http://127.0.0.1:$1/" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "bench: spa_server.py on port $1 did not start" >&2
  exit 1
}
PORT=$(free_port)
serve "$PORT" "$SITE"
if [ "${BENCH_PROFILE:-}" = 1 ]; then
  PPORT=$(free_port)
  serve "$PPORT" "$PSITE"
  export BENCH_PROFILE_URL=http://127.0.0.1:$PPORT
fi
# The headers a host must send (docs/hosting.md), as this server sends them.
echo
echo "served by scripts/spa_server.py (headers for a browser that accepts br):"
for p in / "/$(basename "${WASM[0]}")" /public/feed.json; do
  h=$(curl -sS -o /dev/null -D - -H 'Accept-Encoding: gzip, deflate, br, zstd' "http://127.0.0.1:$PORT$p" | tr -d '\r')
  echo "  $p: $(grep -iE '^(content-encoding|cache-control|etag|vary):' <<<"$h" | sed 's/^/  /' | tr '\n' ';' | sed 's/;$//')"
done

echo
echo "browser: headless Chromium, $RUNS loads per feed (+1 warm-up) in fresh contexts, http://127.0.0.1:$PORT/"
rc=0
node scripts/bench.mjs "http://127.0.0.1:$PORT" "$RUNS" || rc=$?
echo "bench.sh total: $((SECONDS - T_START)) s"
exit "$rc"
