#!/usr/bin/env bash
# Idempotent set-up: installs only what is missing, at pinned versions, from Debian, the crate registry
# and npm only (nothing from GitHub). A second run installs nothing and takes a few seconds.
#   Debian: chromium, chromium-driver     rustup: wasm32-unknown-unknown, rustfmt, clippy
#   cargo:  wasm-bindgen-cli = Cargo.lock's wasm-bindgen (no --locked), trunk 0.21.14 (--locked)
#   npm ci: @playwright/test, @axe-core/playwright, binaryen (wasm-opt 132), esbuild (CSS/JS
#           minifier of release builds)   then: cargo fetch
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD

TRUNK_VERSION=${TRUNK_VERSION:-0.21.14}   # 0.22.x needs rustc >= 1.96.1
CARGO_BIN=${CARGO_HOME:-$HOME/.cargo}/bin
export PATH="$ROOT/node_modules/.bin:$CARGO_BIN:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1   # never download browsers; we use /usr/bin/chromium
export DEBIAN_FRONTEND=noninteractive
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false

T0=$SECONDS
did=()
log() { echo "setup: $*"; }
# run CMD..., print its wall time, remember it
step() {
  local s=$SECONDS
  log "→ $*"
  "$@" </dev/null
  log "✓ $* ($((SECONDS - s)) s)"
  did+=("${*:1:3} ($((SECONDS - s)) s)")
}

# --- Debian packages --------------------------------------------------------------------------
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
if ((${#missing[@]})); then
  SUDO=()
  [ "$(id -u)" -eq 0 ] || SUDO=(sudo -n)
  step "${SUDO[@]}" apt-get update -qq
  step "${SUDO[@]}" apt-get install -y -qq "${missing[@]}"
fi

# --- Rust toolchain pieces --------------------------------------------------------------------
if ! command -v rustup >/dev/null 2>&1; then
  echo "setup: rustup not found (install Rust via rustup first)" >&2
  exit 1
fi
rustup target list --installed | grep -qx wasm32-unknown-unknown ||
  step rustup target add wasm32-unknown-unknown
components=$(rustup component list --installed)
for c in rustfmt clippy; do
  grep -q "^$c" <<<"$components" || step rustup component add "$c"
done

# wasm-bindgen-cli MUST equal the wasm-bindgen crate version in Cargo.lock.
WBG_VERSION=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
if [ -z "$WBG_VERSION" ]; then
  echo "setup: could not read the wasm-bindgen version from Cargo.lock" >&2
  exit 1
fi
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WBG_VERSION" ] ||
  [ "$(wasm-bindgen-test-runner --version 2>/dev/null || true)" != "wasm-bindgen-test-runner $WBG_VERSION" ]; then
  # No --locked: the crate's own lock pins webpki-roots 1.0.11, which the registry here lacks.
  log "compiling wasm-bindgen-cli $WBG_VERSION from the crate registry: about 2–8 minutes on 2 cores (2 when the machine is otherwise idle)" \
    "(first run only)"
  step cargo install wasm-bindgen-cli --version "$WBG_VERSION" --force
fi
# Trunk.toml pins the same version; a mismatch makes the offline trunk build fail later, so say it now.
TRUNK_WBG=$(sed -n 's/^wasm_bindgen *= *"\(.*\)".*/\1/p' Trunk.toml)
if [ -n "$TRUNK_WBG" ] && [ "$TRUNK_WBG" != "$WBG_VERSION" ]; then
  echo "setup: Trunk.toml [tools] wasm_bindgen = \"$TRUNK_WBG\" but Cargo.lock has wasm-bindgen $WBG_VERSION;" \
    "update Trunk.toml" >&2
  exit 1
fi

if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  log "compiling trunk $TRUNK_VERSION from the crate registry: about 7–20 minutes on 2 cores (7 when the machine is otherwise idle)" \
    "(first run only; the longest step of the set-up)"
  step cargo install trunk --version "$TRUNK_VERSION" --locked --force
fi

# --- npm (wasm-opt 132, Playwright test runner, axe) ------------------------------------------
LOCK_HASH=$(sha256sum package-lock.json | cut -d' ' -f1)
STAMP=node_modules/.veikart-lock.sha256
if [ ! -f "$STAMP" ] || [ "$(cat "$STAMP")" != "$LOCK_HASH" ] || [ ! -x node_modules/.bin/wasm-opt ] ||
  [ ! -x node_modules/.bin/playwright ]; then
  step npm ci --no-audit --no-fund --loglevel=error
  echo "$LOCK_HASH" >"$STAMP"
fi

# --- crates (trunk builds with cargo --offline) -------------------------------------------------
if [ "${SETUP_SKIP_FETCH:-}" != 1 ]; then
  s=$SECONDS
  cargo fetch --quiet </dev/null
  fetch_s=$((SECONDS - s))
  # cargo fetch is a no-op when everything is cached; only report it when it downloaded something.
  ((fetch_s < 3)) || did+=("cargo fetch (${fetch_s} s)")
fi

# --- summary ------------------------------------------------------------------------------------
if ((${#did[@]})); then
  log "did: $(printf '%s; ' "${did[@]}")"
else
  log "nothing to install"
fi
log "$(trunk --version), $(wasm-bindgen --version), $(wasm-opt --version 2>/dev/null | head -1)," \
  "$(chromium --version 2>/dev/null | head -1 | cut -d' ' -f1-2), playwright $(node -p 'require("@playwright/test/package.json").version')"
log "done in $((SECONDS - T0)) s"
