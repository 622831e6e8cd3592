#!/usr/bin/env bash
# The load run of issue 14 through the web front end (docs/BENCHMARKS.md, "Cluster through the web front end"):
# ATHLETES synthetic athletes sign up and upload a year of real runs each (FIT files, one upload per athlete) through
# the HTTP API of a front end started with --cluster; then, at each silo count, one nightly-style re-simulation of
# every athlete with SAMPLES draws, started and followed through the front end, while athletes read their history
# page. Bounded (one upload pass, one batch per silo count) and on loopback only; not part of ci/test.sh.
# Usage: bash bench/cluster-web-load.sh [ATHLETES] [SAMPLES] [SILO COUNTS...]      e.g. 150 100 1 2 3
set -euo pipefail
cd "$(dirname "$0")/.."
ARGS=("$@")
. bench/load-common.sh runadapt_webload
BIN=src/RunAdapt.Silo/bin/Release/net10.0
WEB=http://127.0.0.1:5077
LOGS=$(mktemp -d /tmp/runadapt-webload.XXXXXX)
pids=()
# N silos of cluster ID, then the front end as their client; every process on loopback.
start() {
  local n=$1 id=$2; pids=()
  for i in $(seq 1 "$n"); do
    dotnet "$BIN/runadapt-silo.dll" silo --db "$DB" --cluster "$id" --port $((11210 + i)) --gateway $((30100 + i)) >"$LOGS/$id-silo-$i.log" 2>&1 &
    pids+=($!)
    timeout 120 bash -c "until grep -q 'is up' '$LOGS/$id-silo-$i.log'; do sleep 1; done"
  done
  dotnet "$BIN/RunAdapt.Web.dll" --urls "$WEB" --server true --db "$DB" --cluster "$DB" --cluster-id "$id" --operators load-operator >"$LOGS/$id-web.log" 2>&1 &
  web=$!
  timeout 120 bash -c "until curl -sf '$WEB/openapi/v1.json' >/dev/null; do sleep 1; done"
}
stop() { kill "$web" "${pids[@]}"; wait "$web" "${pids[@]}" 2>/dev/null || true; }
cpu() { for p in "$@"; do awk '{print $14 + $15}' "/proc/$p/stat"; done | awk '{s += $1} END {print s / 100}'; }
trap 'kill $(jobs -p) 2>/dev/null || true' EXIT

start 1 webload-upload
before=$(cpu "$web" "${pids[@]}")
dotnet "$BIN/runadapt-silo.dll" upload --web "$WEB" --athletes "$ATHLETES" --from "${FOLDERS[@]}"
awk -v a="$(cpu "$web" "${pids[@]}")" -v b="$before" 'BEGIN {printf "front end and silo CPU during the upload: %.0f s\n", a - b}'
stop
for n in "${COUNTS[@]}"; do
  start "$n" "webload-$n"
  before=$(cpu "${pids[@]}"); wbefore=$(cpu "$web")
  echo "== $n silo(s)"
  dotnet "$BIN/runadapt-silo.dll" web-batch --web "$WEB" --athletes "$ATHLETES" --samples "$SAMPLES" --parallel $((4 * n)) | tail -2
  # CPU time the silos spent on the batch: what an athlete costs, whatever else shared the machine.
  awk -v a="$(cpu "${pids[@]}")" -v b="$before" -v w="$(cpu "$web")" -v wb="$wbefore" -v n="$ATHLETES" \
    'BEGIN {printf "silo CPU during the batch: %.0f s = %.2f CPU-s per athlete; front end %.0f s\n", a - b, (a - b) / n, w - wb}'
  stop
done
echo "logs: $LOGS"
