#!/usr/bin/env bash
# The test command: builds everything, runs every test project against a real PostgreSQL on loopback,
# and ends with the line "N passed, N failed, N skipped" counted from the TRX reports.
set -uo pipefail
cd "$(dirname "$0")/.."
. ci/env.sh
# The stored calibration must still reproduce its out-of-sample table, and docs/EVIDENCE.md must be current
# (after a model change: runadapt calibrate --write, then run the tests once without this to regenerate the doc).
export RUNADAPT_CHECK_DOCS="${RUNADAPT_CHECK_DOCS:-1}"
RESULTS="$(mktemp -d /tmp/runadapt-tests.XXXXXX)"
if [ -z "${RUNADAPT_PG:-}" ]; then
  if RUNADAPT_PG="$(bash ci/start-pg.sh)"; then export RUNADAPT_PG; trap 'bash ci/stop-pg.sh >/dev/null 2>&1 || true' EXIT
  else unset RUNADAPT_PG; echo "WARNING: postgres did not start; PostgreSQL tests will be skipped"; fi
fi
# The FIT oracle (Garmin's JavaScript SDK) for the decoder comparison tests.
if [ ! -d tools/fit-oracle/node_modules ] && command -v npm >/dev/null; then
  (cd tools/fit-oracle && npm ci --silent --no-audit --no-fund) || echo "WARNING: fit-oracle install failed"
fi
if ! dotnet build RunAdapt.slnx -c Release; then echo "build failed"; echo "0 passed, 1 failed, 0 skipped"; exit 1; fi
dotnet test --solution RunAdapt.slnx -c Release --no-build --results-directory "$RESULTS" --no-progress
rc=$?
sum() { grep -ho "<Counters [^>]*>" "$RESULTS"/*.trx 2>/dev/null | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' | awk '{s+=$1} END {print s+0}'; }
passed=$(sum passed); failed=$(( $(sum failed) + $(sum error) + $(sum timeout) + $(sum aborted) )); skipped=$(sum notExecuted)
if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then echo "dotnet test exited $rc with no failed test recorded"; failed=1; fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$rc" -eq 0 ] && [ "$failed" -eq 0 ]
