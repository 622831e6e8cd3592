#!/usr/bin/env bash
# The main job on the bundled sample data: build RunAdapt, import the sample runs into a local SQLite
# store (out/demo.db), and print what that training did to the runner's body.
set -euo pipefail
cd "$(dirname "$0")"
. ci/env.sh
dotnet build src/RunAdapt.Cli/RunAdapt.Cli.csproj -c Release -v quiet -nologo -clp:ErrorsOnly >/dev/null
runadapt() { dotnet src/RunAdapt.Cli/bin/Release/net10.0/runadapt.dll "$@"; }
mkdir -p out
runadapt import samples/activities --db out/demo.db
runadapt history --db out/demo.db
