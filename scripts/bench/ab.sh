#!/usr/bin/env bash
# Paired A/B of builds on the interactions at 5 000 measures (issue 18; not part of the tests).
#   bash scripts/bench/ab.sh save NAME        after `trunk build --release`: keeps dist/ as build
#                                             NAME in ${CARGO_TARGET_DIR:-target}/bench/ab/NAME/,
#                                             with a wasm that keeps its function names (wasm-opt
#                                             -Oz -g of trunk's wasm-bindgen output, as bench.sh's
#                                             BENCH_PROFILE) and the synthetic feeds
#   bash scripts/bench/ab.sh run ROUNDS NAME[=INIT_SCRIPT] ...
#                                             serves each saved build (scripts/spa_server.py) and
#                                             runs scripts/bench/ab.mjs on them (see its header;
#                                             AB_PROFILE=1 for CPU-profile samples per function)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROOT=$PWD
TARGET=${CARGO_TARGET_DIR:-target}
[[ $TARGET = /* ]] || TARGET=$ROOT/$TARGET
AB=$TARGET/bench/ab
export PATH="$ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

case "${1:-}" in
save)
  name=${2:?usage: ab.sh save NAME}
  dir=$AB/$name
  [ -f dist/index.html ] || { echo "ab.sh: no dist/ (trunk build --release first)" >&2; exit 1; }
  bg=$TARGET/wasm-bindgen/release/veikart_bg.wasm
  app=$(find dist -maxdepth 1 -name 'veikart-*_bg.wasm' ! -name '*sheet*' | head -1)
  # dist/ holds the glue minified (scripts/minify.mjs): compare it through the same minifier.
  cmp -s <(node scripts/minify.mjs --js "$TARGET/wasm-bindgen/release/veikart.js") "$(find dist -maxdepth 1 -name 'veikart-*.js' ! -name '*sheet*' | head -1)" ||
    { echo "ab.sh: $bg is not the wasm-bindgen output of dist/" >&2; exit 1; }
  rm -rf "$dir"
  mkdir -p "$dir"
  cp -a dist "$dir/site"
  wasm-opt -Oz -g "$bg" -o "$dir/site/$(basename "$app")"
  rm -f "$dir/site/$(basename "$app")".{br,gz} "$dir/site/index.html".{br,gz}
  # the integrity of the wasm in index.html follows the new file
  sri="sha384-$(openssl dgst -sha384 -binary "$dir/site/$(basename "$app")" | base64 -w0)"
  python3 - "$dir/site/index.html" "$(basename "$app")" "$sri" <<'EOF'
import re, sys
path, name, sri = sys.argv[1:]
html = open(path, encoding="utf-8").read()
html = re.sub(r'(<link[^>]*href="[^"]*%s"[^>]*integrity=")[^"]*(")' % re.escape(name), lambda m: m.group(1) + sri + m.group(2), html)
open(path, "w", encoding="utf-8").write(html)
EOF
  mkdir -p "$dir/site/bench"
  if [ ! -f "$AB/feed-5000.json" ]; then
    cargo build -q --profile native-bench -p veikart-domain --bin veikart-synth
    "$TARGET/native-bench/veikart-synth" 5000 1 >"$AB/feed-5000.json"
  fi
  cp "$AB/feed-5000.json" "$dir/site/bench/"
  echo "ab.sh: saved $name: wasm $(wc -c <"$app") B, gzip -9 $(gzip -9 -n -c "$app" | wc -c) B"
  ;;
run)
  rounds=${2:?usage: ab.sh run ROUNDS NAME[=INIT_SCRIPT] ...}
  shift 2
  PIDS=()
  trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT
  args=()
  for spec in "$@"; do
    name=${spec%%=*}
    init=${spec#"$name"}
    [ -d "$AB/$name/site" ] || { echo "ab.sh: no saved build $name" >&2; exit 1; }
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    python3 scripts/spa_server.py "$port" "$AB/$name/site" &
    PIDS+=($!)
    for _ in $(seq 50); do curl -fsS -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null && break; sleep 0.1; done
    args+=("$name=http://127.0.0.1:$port$init")
  done
  node scripts/bench/ab.mjs "$rounds" "${args[@]}"
  ;;
*)
  sed -n '2,12p' "$0"
  exit 64
  ;;
esac
