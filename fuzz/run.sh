#!/usr/bin/env bash
# Coverage-guided fuzzing of one decoder with SharpFuzz + AFL++. Usage: bash fuzz/run.sh fit|tcx|gpx SECONDS
set -euo pipefail
cd "$(dirname "$0")/.."
. ci/env.sh
target=${1:-fit}; seconds=${2:-600}
out=fuzz/bin/$target
rm -rf "$out" "fuzz/findings/$target/out"   # sharpfuzz refuses an already instrumented assembly; AFL wants a fresh output
dotnet publish fuzz/RunAdapt.Fuzz -c Release -o "$out" -v quiet -nologo
export PATH="$PATH:$HOME/.dotnet/tools"
sharpfuzz "$out/RunAdapt.Activities.dll"
sharpfuzz "$out/RunAdapt.Analysis.dll"
seeds=fuzz/findings/$target/seeds; mkdir -p "$seeds"
case "$target" in
  fit) find tests/fixtures/activities/fit -size -64k -type f -exec cp {} "$seeds" \; ;;
  tcx) cp tests/fixtures/activities/tcx/no_hr.tcx "$seeds"; head -c 8000 tests/fixtures/activities/tcx/test.tcx > "$seeds/cut.tcx" ;;
  gpx) find tests/fixtures/activities/gpx -size -16k -type f -exec cp {} "$seeds" \; ;;
esac
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_CPUFREQ=1
timeout --preserve-status "$seconds" afl-fuzz -i "$seeds" -o "fuzz/findings/$target/out" -t 5000 -m none -- dotnet "$out/RunAdapt.Fuzz.dll" "$target" || true
cat "fuzz/findings/$target/out/default/fuzzer_stats" | grep -E "run_time|execs_done|execs_per_sec|corpus_count|saved_crashes|saved_hangs|bitmap_cvg"
