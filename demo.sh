#!/usr/bin/env bash
# The main job on the bundled sample year: build RunAdapt, import a year of one runner's runs and gym log into a
# local SQLite store (out/demo.db), print what that year did to the runner's body, then ask what to change in the
# next twelve weeks for bigger glutes without losing VO2max.
set -euo pipefail
cd "$(dirname "$0")"
. ci/env.sh
dotnet build src/RunAdapt.Cli/RunAdapt.Cli.csproj -c Release -v quiet -nologo -clp:ErrorsOnly >/dev/null
runadapt() { dotnet src/RunAdapt.Cli/bin/Release/net10.0/runadapt.dll "$@"; }
mkdir -p out
rm -f out/demo.db
runadapt import samples/activities --db out/demo.db
runadapt log samples/strength-log.yaml --db out/demo.db
runadapt history --db out/demo.db --sessions 5
runadapt goal samples/next-block.yaml --want glutes:+1 --keep vo2max --top 5 --db out/demo.db
