# Shared by bench/cluster-load.sh and bench/cluster-web-load.sh (sourced after `cd` to the repository root):
# reads [ATHLETES] [SAMPLES] [SILO COUNTS...] from the caller's arguments, picks the PostgreSQL server, creates the
# run's database ($1) if it is missing and sets DB to its connection string, builds the silo, and lists the folders
# of real runs the synthetic athletes are made from.
. ci/env.sh
ATHLETES=${ARGS[0]:-1000}; SAMPLES=${ARGS[1]:-100}
COUNTS=("${ARGS[@]:2}"); [ ${#COUNTS[@]} -gt 0 ] || COUNTS=(1 2 3); COUNTS=(${COUNTS[*]})
# RUNADAPT_PG (Host=127.0.0.1;Port=…;Username=postgres;Database=postgres) picks a server; else ci/start-pg.sh's.
PG=${RUNADAPT_PG:-$(bash ci/start-pg.sh)}
PORT=$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$PG")
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
DB="${PG/Database=postgres/Database=$1}"
"$PGBIN/psql" -q -h 127.0.0.1 -p "$PORT" -U postgres -tc "select 1 from pg_database where datname = '$1'" | grep -q 1 \
  || "$PGBIN/psql" -q -h 127.0.0.1 -p "$PORT" -U postgres -c "create database $1"
dotnet build src/RunAdapt.Silo -c Release -v q -nologo >/dev/null
FOLDERS=(samples/activities tests/fixtures/activities)
[ -d ../shared/data/activities ] && FOLDERS+=(../shared/data/activities)
