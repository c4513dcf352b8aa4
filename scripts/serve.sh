#!/usr/bin/env bash
# Install what is missing (scripts/setup.sh), then serve the app with the default feed
# (public/feed.json) on http://127.0.0.1:8080 with trunk's dev server (debug build, rebuilds on
# save, SPA fallback for client-side routes). Extra arguments go to `trunk serve`
# (e.g. `scripts/serve.sh --release`, `scripts/serve.sh --port 8081`).
#
# trunk only watches the sources listed under [watch] in Trunk.toml, never target/, dist/ or
# node_modules/: a watcher on the whole project saw thousands of short-lived directories appear and
# vanish in target/ during the first build, and notify-debouncer-full 0.5 panicked on an event
# with no path (issue 13). Should trunk still stop on its own, this script says so and exits
# non-zero instead of leaving the user with nothing on the port.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"   # npm wasm-opt 132 first
export TRUNK_SKIP_VERSION_CHECK=true

echo "serve: building and serving with trunk; the first build compiles the app (about 2–5 min on"
echo "serve: 2 cores), later ones take seconds. Stop with Ctrl-C."

stopping=0
trunk serve --offline "$@" &
pid=$!
stop() {
  stopping=1
  kill -INT "$pid" 2>/dev/null || true
}
trap stop INT TERM HUP

# `wait` returns early when a trapped signal arrives; wait again until trunk has really exited.
rc=0
while kill -0 "$pid" 2>/dev/null; do
  wait "$pid" && rc=0 || rc=$?
done
trap - INT TERM HUP

if ((stopping)); then
  echo "serve: stopped."
  exit 0
fi
echo "serve: ERROR: trunk stopped on its own (exit code $rc), so nothing is being served." >&2
echo "serve: The lines above say why (a build error, a port already in use, or a crash)." >&2
echo "serve: Fix that, or run scripts/serve.sh again; report it if it happens twice." >&2
if ((rc == 0)); then exit 1; fi
exit "$rc"
