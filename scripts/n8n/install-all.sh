#!/usr/bin/env bash
# Installs every n8n version under test side by side, in parallel (each cold: ~5-10 min, ~3 GB),
# into the cache install.sh uses. Fails when any install fails; their logs go to stderr.
#
#   N8N_VERSIONS=2.40.7,1.123.81 bash scripts/n8n/install-all.sh
set -euo pipefail
cd "$(dirname "$0")"
versions="${N8N_VERSIONS:-2.40.7,1.123.81}"
pids=""
for version in ${versions//,/ }; do
  N8N_VERSION="$version" bash install.sh >/dev/null &
  pids="$pids $!"
done
status=0
for pid in $pids; do
  wait "$pid" || status=1
done
exit "$status"
