#!/usr/bin/env bash
# Install what is missing (scripts/setup.sh), then serve the app with the default feed
# (public/feed.json) on http://127.0.0.1:8080 with trunk's dev server (debug build, rebuilds on
# save, SPA fallback for client-side routes). Extra arguments go to `trunk serve`
# (e.g. `scripts/serve.sh --release`, `scripts/serve.sh --port 8081`).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"   # npm wasm-opt 132 first
export TRUNK_SKIP_VERSION_CHECK=true
exec trunk serve --offline "$@"
