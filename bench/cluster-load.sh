#!/usr/bin/env bash
# The cluster's load run (docs/BENCHMARKS.md, "Cluster"): ATHLETES synthetic athletes, each a year of real runs
# re-dated (stored straight into the store), then one nightly-style re-simulation of all with SAMPLES uncertainty
# draws each, on one, two and three silos, each a separate process on loopback. Bounded: one batch per silo count.
# Usage: bash bench/cluster-load.sh [ATHLETES] [SAMPLES] [SILO COUNTS...]
set -euo pipefail
cd "$(dirname "$0")/.."
ARGS=("$@")
. bench/load-common.sh runadapt_load
SILO=src/RunAdapt.Silo/bin/Release/net10.0/runadapt-silo.dll
# Athletes already stored (an earlier run) are kept.
dotnet "$SILO" seed --db "$DB" --athletes "$ATHLETES" --from "${FOLDERS[@]}"
LOGS=$(mktemp -d /tmp/runadapt-load.XXXXXX)
for n in "${COUNTS[@]}"; do
  pids=()
  for i in $(seq 1 "$n"); do
    dotnet "$SILO" silo --db "$DB" --cluster "load-$n" --port $((11110 + i)) --gateway $((30000 + i)) >"$LOGS/silo-$n-$i.log" 2>&1 &
    pids+=($!)
  done
  for i in $(seq 1 "$n"); do
    timeout 120 bash -c "until grep -q 'is up' '$LOGS/silo-$n-$i.log'; do sleep 1; done"
  done
  cpu() { for p in "${pids[@]}"; do awk '{print $14 + $15}' "/proc/$p/stat"; done | awk '{s += $1} END {print s / 100}'; }
  before=$(cpu)
  dotnet "$SILO" batch --db "$DB" --cluster "load-$n" --id "load-$n-silos-$(date +%s)" --samples "$SAMPLES" --parallel $((4 * n)) | tail -2
  # CPU time the silos spent on the batch: what an athlete costs, whatever else shared the machine.
  awk -v a="$(cpu)" -v b="$before" -v n="$ATHLETES" 'BEGIN {printf "silo CPU during the batch: %.0f s = %.2f CPU-s per athlete\n", a - b, (a - b) / n}'
  kill "${pids[@]}"; wait "${pids[@]}" 2>/dev/null || true
done
echo "silo logs: $LOGS"
