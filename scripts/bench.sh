#!/usr/bin/env bash
# Benchmark (NOT part of the tests; see the README's performance section). Steps:
#  1. trunk build --release; wasm/JS raw and gzip -9 sizes against the 150 kB gzip budget;
#  2. builds veikart-synth and veikart-loadtime (profile native-bench = release at opt-level 3)
#     and generates the synthetic feeds (1 000 and 5 000 measures, seed 1) into
#     ${CARGO_TARGET_DIR:-target}/bench/site/bench/ (never committed); checks them with
#     veikart-loadtime (which fails on a feed that does not parse);
#  3. times parse + validate natively (median of 15);
#  4. serves dist/ + the feeds + scripts/bench/vis.html + vis-timeline (from node_modules) on one
#     origin and runs scripts/bench.mjs: first paint, wasm parse/validate, regrouping, a zoom change
#     (stand-in for the filter change), heap, and vis-timeline on the same 5 000-measure feed.
# Env: BENCH_RUNS (default 7, at least 5), BENCH_VIS_RUNS (default BENCH_RUNS),
#      BENCH_NO_BUILD=1 (measure the existing dist/), BENCH_STRICT=1 (exit 1 when a budget is missed).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
RUNS=${BENCH_RUNS:-7}
((RUNS >= 5)) || RUNS=5
SIZE_BUDGET=150000
TARGET=${CARGO_TARGET_DIR:-target}

bash scripts/setup.sh >/dev/null
export PATH="$ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

if [ "${BENCH_NO_BUILD:-}" != 1 ]; then
  s=$SECONDS
  trunk build --release </dev/null >"$TARGET/bench-build.log" 2>&1 ||
    { cat "$TARGET/bench-build.log"; echo "bench: trunk build --release failed" >&2; exit 1; }
  echo "release build: $((SECONDS - s)) s (trunk build --release, log in $TARGET/bench-build.log)"
fi
[ -f dist/index.html ] || { echo "bench: dist/index.html missing" >&2; exit 1; }

gz() { gzip -9 -c "$1" | wc -c; }
raw() { wc -c <"$1"; }
row() { printf '%-44s %10s %10s\n' "$@"; }

mapfile -t WASM < <(find dist -maxdepth 1 -name '*.wasm' | sort)
# JS: the wasm-bindgen glue at the top of dist/ plus any snippets/ it emitted (not public/).
mapfile -t JS < <(find dist -path dist/public -prune -o -name '*.js' -print | sort)
mapfile -t CSS < <(find dist -maxdepth 1 -name '*.css' | sort)
((${#WASM[@]})) || { echo "bench: no .wasm in dist/" >&2; exit 1; }

echo
row file "raw B" "gzip-9 B"
row ---- ----- --------
tot_gz=0
for f in "${WASM[@]}" "${JS[@]}"; do
  r=$(raw "$f") g=$(gz "$f")
  tot_gz=$((tot_gz + g))
  row "${f#dist/}" "$r" "$g"
done
for f in "${CSS[@]}"; do row "${f#dist/} (not in budget)" "$(raw "$f")" "$(gz "$f")"; done
row ---- ----- --------
size_ok=OK
((tot_gz <= SIZE_BUDGET)) || size_ok="OVER BUDGET"
row "wasm + JS total (gzip)" "" "$tot_gz"
echo "budget ${SIZE_BUDGET} B gzip (150 kB): $size_ok ($((tot_gz * 100 / SIZE_BUDGET)) % of budget)"


# --- synthetic feeds and native parse + validate ----------------------------------------------
echo
cargo build -q --profile native-bench -p veikart-domain --bin veikart-synth --bin veikart-loadtime --bin veikart-check
BIN=$TARGET/native-bench
SITE=$TARGET/bench/site
rm -rf "$SITE"
mkdir -p "$SITE"
cp -r dist/. "$SITE/"
mkdir -p "$SITE/bench"
for n in 1000 5000; do "$BIN/veikart-synth" "$n" 1 >"$SITE/bench/feed-$n.json"; done
cp scripts/bench/vis.html node_modules/vis-timeline/standalone/umd/vis-timeline-graph2d.min.js \
  node_modules/vis-timeline/styles/vis-timeline-graph2d.min.css "$SITE/bench/"
"$BIN/veikart-check" "$SITE"/bench/feed-*.json | grep -v '^.*: warning' || { echo "bench: a synthetic feed fails veikart-check" >&2; exit 1; }
echo "synthetic feeds (veikart-synth N 1, in $SITE/bench/): $(wc -c <"$SITE/bench/feed-1000.json") B and $(wc -c <"$SITE/bench/feed-5000.json") B"
echo "native parse + validate (veikart-loadtime, opt-level 3, median of 15):"
for k in default 1000 5000; do
  f=$SITE/bench/feed-$k.json
  [ "$k" = default ] && f=public/feed.json
  out=$("$BIN/veikart-loadtime" "$f" 15)
  echo "$out" | sed 's/^/  /'
  out=$(head -1 <<<"$out")
  # "… parse P ms, validate V ms, parse+validate T ms" -> "P V T"
  export "BENCH_NATIVE_${k^^}=$(sed -E 's/.*parse ([0-9.]+) ms, validate ([0-9.]+) ms, parse\+validate ([0-9.]+) ms/\1 \2 \3/' <<<"$out")"
done
export BENCH_SIZE_GZ=$tot_gz

# --- browser -----------------------------------------------------------------------------------
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 scripts/spa_server.py "$PORT" "$SITE" &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  curl -fsS -o /dev/null "http://127.0.0.1:$PORT/" 2>/dev/null && break
  sleep 0.1
done

echo
echo "browser: headless Chromium, $RUNS loads per feed (+1 warm-up) in fresh contexts, http://127.0.0.1:$PORT/"
rc=0
node scripts/bench.mjs "http://127.0.0.1:$PORT" "$RUNS" || rc=$?
exit "$rc"
