#!/usr/bin/env bash
# THE test command (README and .ci/run use exactly this). Runs scripts/setup.sh, then every layer:
#   fmt     cargo fmt --all --check                                   (counts 1)
#   clippy  cargo clippy --workspace --all-targets -- -D warnings     (counts 1)
#           + the same for --target wasm32-unknown-unknown -p veikart  (counts 1, "clippy-wasm")
#   native  cargo test --workspace                                    (counts each test)
#   check   veikart-check on public/feed.json and public/feeds/*.json (must exit 0) and on each tests/fixtures/bad/*.json
#           (each must exit 1)                                        (counts 1 per file)
#   wasm    cargo test --target wasm32-unknown-unknown -p veikart (headless Chromium; counts each test)
#   build   trunk build --release into dist/                          (counts 1)
#   e2e     Playwright (tests/e2e) against dist/ via scripts/spa_server.py (counts each test)
#   serve   the README's first command (scripts/serve.sh) on a copy like a fresh clone, in the
#           background: / answers 200, headless Chromium sees the roadmap, trunk's watcher stays
#           out of target/, stopped by its pid (tests/serve/run.sh; counts each check)
# Every layer runs even if an earlier one failed. Ends with a per-layer table and ONE last line
# `N passed, N failed`; exits 1 when anything failed.
# Usage: scripts/test.sh [LAYER...]   (default: all layers; e.g. `scripts/test.sh wasm e2e`;
#        e2e alone uses the existing dist/). Logs: ${CARGO_TARGET_DIR:-target}/test-logs/.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD

CARGO_BIN=${CARGO_HOME:-$HOME/.cargo}/bin
export PATH="$ROOT/node_modules/.bin:$CARGO_BIN:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export TRUNK_SKIP_VERSION_CHECK=true
export CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}
TARGET_DIR=${CARGO_TARGET_DIR:-target}
LOGDIR=$TARGET_DIR/test-logs
mkdir -p "$LOGDIR"
trap 'echo; echo "test.sh: interrupted"; exit 130' INT TERM

ALL_LAYERS=(fmt clippy native check wasm build e2e serve)
if (($#)); then
  for l in "$@"; do
    [[ " ${ALL_LAYERS[*]} " == *" $l "* ]] || { echo "test.sh: unknown layer '$l' (one of: ${ALL_LAYERS[*]})" >&2; exit 2; }
  done
  LAYERS=("$@")
else
  LAYERS=("${ALL_LAYERS[@]}")
fi
want() { [[ " ${LAYERS[*]} " == *" $1 "* ]]; }

T_START=$SECONDS
S_NAME=() S_PASS=() S_FAIL=() S_TIME=() S_NOTE=()
record() { S_NAME+=("$1") S_PASS+=("$2") S_FAIL+=("$3") S_TIME+=("$4") S_NOTE+=("${5:-}"); }
fmt_time() { local s=$1; if ((s >= 60)); then printf '%dm%02ds' $((s / 60)) $((s % 60)); else printf '%ds' "$s"; fi; }
banner() { printf '\n=== [%s] %s\n' "$1" "$2"; }

RC=0
# run LOGNAME CMD... : output to the terminal and to $LOGDIR/LOGNAME.log; sets RC to CMD's exit code
run() {
  local log=$LOGDIR/$1.log
  shift
  "$@" </dev/null 2>&1 | tee "$log"
  RC=${PIPESTATUS[0]}
}
# cargo_counts LOGFILE -> "passed failed" summed over libtest's `test result:` lines
cargo_counts() {
  sed 's/\x1b\[[0-9;]*m//g' "$1" | awk '
    /^test result: / { for (i = 1; i <= NF; i++) { if ($(i) ~ /^passed;?$/) p += $(i-1); if ($(i) ~ /^failed;?$/) f += $(i-1) } }
    END { printf "%d %d\n", p, f }'
}
# lint-like step: counts 1
run_single() {
  local name=$1 title=$2
  shift 2
  banner "$name" "$title"
  local s=$SECONDS
  run "$name" "$@"
  if ((RC == 0)); then record "$name" 1 0 $((SECONDS - s)); else record "$name" 0 1 $((SECONDS - s)) "exit $RC"; fi
}
# cargo test step: counts each test
run_cargo_tests() {
  local name=$1 title=$2
  shift 2
  banner "$name" "$title"
  local s=$SECONDS p f note=""
  run "$name" "$@"
  read -r p f < <(cargo_counts "$LOGDIR/$name.log")
  if ((RC != 0 && f == 0)); then f=1; note="exit $RC before any test failed (build error?)"; fi
  record "$name" "$p" "$f" $((SECONDS - s)) "$note"
}

# --- setup ----------------------------------------------------------------------------------------
banner setup "scripts/setup.sh"
s=$SECONDS
run setup bash scripts/setup.sh
if ((RC == 0)); then record setup - - $((SECONDS - s)); else record setup 0 1 $((SECONDS - s)) "exit $RC (not counted when ok)"; fi

# --- layers ---------------------------------------------------------------------------------------
want fmt && run_single fmt "cargo fmt --all --check" cargo fmt --all --check
want clippy && run_single clippy "cargo clippy --workspace --all-targets -- -D warnings" \
  cargo clippy --workspace --all-targets -- -D warnings
# tests/web.rs and any cfg(target_arch = "wasm32") code are invisible to the host clippy above.
want clippy && run_single clippy-wasm "cargo clippy --target wasm32-unknown-unknown -p veikart --all-targets -- -D warnings" \
  cargo clippy --target wasm32-unknown-unknown -p veikart --all-targets -- -D warnings
want native && run_cargo_tests native "cargo test --workspace (native)" cargo test --workspace --no-fail-fast

if want check; then
  banner check "veikart-check: public/feed.json must pass, tests/fixtures/bad/*.json must each fail (exit 1)"
  s=$SECONDS p=0 f=0 note=""
  CHECK_LOG=$LOGDIR/check.log
  : >"$CHECK_LOG"
  run check-build cargo build -q -p veikart-domain --bin veikart-check
  CHECK_BIN=$TARGET_DIR/debug/veikart-check
  shopt -s nullglob
  BAD=(tests/fixtures/bad/*.json)
  shopt -u nullglob
  if ((RC != 0)) || [ ! -x "$CHECK_BIN" ]; then
    f=$((1 + ${#BAD[@]})) note="veikart-check did not build"
    echo "veikart-check did not build: counting all ${f} files as failed"
  else
    # check_file FILE EXPECTED_EXIT
    check_file() {
      local out rc
      out=$("$CHECK_BIN" "$1" 2>&1 </dev/null)
      rc=$?
      printf '%s\n--- %s: exit %d (expected %d)\n' "$out" "$1" "$rc" "$2" >>"$CHECK_LOG"
      if ((rc == $2)); then
        p=$((p + 1))
        printf '  ok    %-50s exit %d\n' "$1" "$rc"
      else
        f=$((f + 1))
        printf '  FAIL  %-50s exit %d, expected %d\n' "$1" "$rc" "$2"
        printf '%s\n' "$out" | head -20 | sed 's/^/        | /'
      fi
    }
    if [ -f public/feed.json ]; then
      check_file public/feed.json 0
    else
      f=$((f + 1))
      echo "  FAIL  public/feed.json is missing"
    fi
    # Older shipped versions (issue 8: public/feeds/*.json, the feed's previous_version) must pass too.
    for old in public/feeds/*.json; do [ -f "$old" ] && check_file "$old" 0; done
    ((${#BAD[@]})) || { f=$((f + 1)); echo "  FAIL  no tests/fixtures/bad/*.json found"; }
    for b in "${BAD[@]}"; do check_file "$b" 1; done
  fi
  record check "$p" "$f" $((SECONDS - s)) "$note"
fi

want wasm && run_cargo_tests wasm "cargo test --target wasm32-unknown-unknown -p veikart (headless Chromium)" \
  cargo test --target wasm32-unknown-unknown -p veikart --no-fail-fast

if want build; then
  rm -rf dist
  run_single build "trunk build --release (dist/)" trunk build --release
fi

if want e2e; then
  banner e2e "Playwright (tests/e2e) against dist/ via scripts/spa_server.py"
  s=$SECONDS
  export E2E_JSON=$ROOT/playwright-report/results.json   # read by playwright.config.js
  rm -f "$E2E_JSON"
  if [ ! -f dist/index.html ]; then
    echo "dist/index.html missing (release build failed?): e2e not run"
    record e2e 0 1 $((SECONDS - s)) "not run: no dist/index.html"
  else
    run e2e playwright test
    counts=$(node -e '
      try {
        const s = require(process.argv[1]).stats;
        console.log(`${s.expected + s.flaky} ${s.unexpected} ${s.skipped}`);
      } catch (e) { console.log("0 0 0"); }' "$E2E_JSON")
    read -r p f sk <<<"$counts"
    note=""
    ((sk > 0)) && note="$sk skipped"
    if ((RC != 0 && f == 0)); then f=1; note="exit $RC without a failed test (config/server error?)"; fi
    ((f > 0)) && note="${note:+$note; }screenshots/traces in test-results/"
    record e2e "$p" "$f" $((SECONDS - s)) "$note"
  fi
fi

if want serve; then
  banner serve "scripts/serve.sh on a copy like a fresh clone (tests/serve/run.sh)"
  s=$SECONDS
  run serve bash tests/serve/run.sh
  counts=$(sed -n 's/^serve: \([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p' "$LOGDIR/serve.log" | tail -1)
  read -r p f <<<"${counts:-0 0}"
  note=""
  if ((RC != 0 && f == 0)); then f=1; note="exit $RC without a counted failure"; fi
  record serve "$p" "$f" $((SECONDS - s)) "$note"
fi

# --- summary --------------------------------------------------------------------------------------
TOTAL_P=0 TOTAL_F=0
echo
echo "=== summary (logs in $LOGDIR/) ==="
printf '%-12s %7s %7s %8s  %s\n' layer passed failed time note
for i in "${!S_NAME[@]}"; do
  printf '%-12s %7s %7s %8s  %s\n' "${S_NAME[$i]}" "${S_PASS[$i]}" "${S_FAIL[$i]}" "$(fmt_time "${S_TIME[$i]}")" "${S_NOTE[$i]}"
  [ "${S_PASS[$i]}" = - ] || TOTAL_P=$((TOTAL_P + S_PASS[i]))
  [ "${S_FAIL[$i]}" = - ] || TOTAL_F=$((TOTAL_F + S_FAIL[i]))
done
printf '%-12s %7s %7s %8s\n' all "$TOTAL_P" "$TOTAL_F" "$(fmt_time $((SECONDS - T_START)))"
echo "$TOTAL_P passed, $TOTAL_F failed"
((TOTAL_F == 0))
