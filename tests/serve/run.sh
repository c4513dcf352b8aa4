#!/usr/bin/env bash
# The serve layer of scripts/test.sh: the README's first command, run as a newcomer runs it.
#
# 1. Copies the working tree as a fresh clone would have it (tracked and new files, nothing that
#    .gitignore ignores: no target/, dist/, node_modules/) into a temporary directory.
# 2. Starts `scripts/serve.sh` there in the background, in its own process group (port 8080, or a
#    free port passed as `--port N` when 8080 is taken).
# 3. Waits until / answers 200, then opens the page in headless Chromium (tests/serve/render.mjs):
#    the wasm and the feed load, the roadmap shows the feed's first measure, no script error.
# 4. Checks the root cause of issue 13: trunk's file watcher holds no watch inside target/,
#    dist/ or node_modules/ (inode numbers from /proc/PID/fdinfo against those directories).
# 5. Stops the server through its process id and checks that it ended and freed the port.
# Any failure prints the server's log. Prints one `ok`/`FAIL` line per check and ends with
# `serve: N passed, N failed`; exits 1 when a check failed.
# Env: SERVE_TIMEOUT (s, default 1500: a cold first build takes minutes on 2 cores),
#      SERVE_KEEP=1 keeps the copy (its path is printed).
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
LIMIT=${SERVE_TIMEOUT:-1500}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/veikart-serve.XXXXXX")
LOG=$WORK/serve.log
APP=$WORK/app
mkdir -p "$APP"
PASS=0 FAIL=0
ok() { PASS=$((PASS + 1)); echo "ok    $*"; }
fail() { FAIL=$((FAIL + 1)); echo "FAIL  $*"; }
show_log() {
  echo "----- server log ($LOG), last 60 lines -----"
  tail -n 60 "$LOG" 2>/dev/null | sed 's/^/  | /'
  echo "-----"
}
SPID=
cleanup() {
  [ -n "$SPID" ] && kill -0 "$SPID" 2>/dev/null && kill -TERM -- "-$SPID" 2>/dev/null
  if [ "${SERVE_KEEP:-}" = 1 ]; then echo "serve: kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

# --- 1. a copy like a fresh clone -------------------------------------------------------------
(cd "$ROOT" && git ls-files -z -co --exclude-standard |
  while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done |
  tar --null -T - -cf -) | tar -C "$APP" -xf -
for d in target dist node_modules; do
  [ -e "$APP/$d" ] && { fail "the copy has $d/ (it must look like a fresh clone)"; }
done
echo "serve: copy of the working tree in $APP ($(find "$APP" -type f | wc -l) files)"

# --- 2. start it as a user does ---------------------------------------------------------------
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
PORT=8080 ARGS=()
if port_busy 8080; then
  PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  ARGS=(--port "$PORT")
  echo "serve: 127.0.0.1:8080 is taken on this machine; using --port $PORT"
fi
URL=http://127.0.0.1:$PORT/
echo "serve: starting scripts/serve.sh ${ARGS[*]} (log: $LOG; limit ${LIMIT} s)"
T0=$SECONDS
# setsid: its own process group, so stopping it reaches serve.sh and trunk, nothing else.
(cd "$APP" && exec setsid bash scripts/serve.sh "${ARGS[@]}" </dev/null >"$LOG" 2>&1) &
SPID=$!

served=0
while ((SECONDS - T0 < LIMIT)); do
  if ! kill -0 "$SPID" 2>/dev/null; then break; fi
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$URL" 2>/dev/null)
  if [ "$code" = 200 ]; then served=1; break; fi
  sleep 3
done
if ((served)); then
  ok "scripts/serve.sh serves $URL (HTTP 200 after $((SECONDS - T0)) s)"
else
  if kill -0 "$SPID" 2>/dev/null; then
    fail "scripts/serve.sh did not answer 200 on $URL within ${LIMIT} s"
  else
    wait "$SPID"
    fail "scripts/serve.sh ended (exit $?) before serving $URL, after $((SECONDS - T0)) s"
  fi
  show_log
fi

# --- 3. the page renders --------------------------------------------------------------------------
if ((served)); then
  if out=$(cd "$ROOT" && node tests/serve/render.mjs "$URL" "$APP/public/feed.json" 2>&1); then
    ok "the page renders the roadmap in headless Chromium"
    echo "$out" | sed 's/^/        /'
  else
    fail "the page does not render the roadmap"
    echo "$out" | sed 's/^/        /'
    show_log
  fi

  # --- 4. the watcher stays out of build output ---------------------------------------------------
  TPID=$(pgrep -g "$SPID" -x trunk | head -1)
  if [ -z "$TPID" ]; then
    fail "no trunk process found in the server's process group"
  else
    watched=$(for fd in /proc/"$TPID"/fdinfo/*; do
      grep -h '^inotify' "$fd" 2>/dev/null | grep -o 'ino:[0-9a-f]*' | cut -d: -f2
    done | while read -r hex; do printf '%d\n' "0x$hex"; done | sort -u)
    n_watched=$(printf '%s\n' "$watched" | grep -c . || true)
    build_inodes=$(find "$APP/target" "$APP/dist" "$APP/node_modules" -type d -printf '%i\n' 2>/dev/null | sort -u)
    n_build=$(printf '%s\n' "$build_inodes" | grep -c . || true)
    both=$(comm -12 <(printf '%s\n' "$watched") <(printf '%s\n' "$build_inodes") | grep -c . || true)
    if ((n_watched > 0 && both == 0)); then
      ok "trunk watches $n_watched directories and files, none of the $n_build under target/, dist/, node_modules/"
    else
      fail "trunk's watcher: $n_watched watches, $both of them inside target/, dist/ or node_modules/ ($n_build dirs there)"
    fi
  fi
fi

# --- 5. stop it by its process id -----------------------------------------------------------------
if kill -0 "$SPID" 2>/dev/null; then
  kill -TERM -- "-$SPID" 2>/dev/null
  for _ in $(seq 1 40); do kill -0 "$SPID" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$SPID" 2>/dev/null; then
    fail "the server (pid $SPID) did not stop within 20 s of SIGTERM"
    kill -KILL -- "-$SPID" 2>/dev/null
    show_log
  else
    wait "$SPID"
    rc=$?
    if ((rc == 0)) && ! port_busy "$PORT"; then
      ok "the server stopped on SIGTERM to pid $SPID (exit 0) and freed port $PORT"
    else
      fail "after SIGTERM the server exited $rc; port $PORT $(port_busy "$PORT" && echo 'still open' || echo 'closed')"
      show_log
    fi
  fi
  SPID=
fi

echo "serve: $PASS passed, $FAIL failed"
((FAIL == 0))
