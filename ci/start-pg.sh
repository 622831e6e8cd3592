#!/usr/bin/env bash
# Starts a throwaway PostgreSQL on 127.0.0.1:54329 (trust auth) and prints its connection string.
# PostgreSQL refuses to run as root, hence runuser. Idempotent.
set -euo pipefail
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$PGBIN" ] || { echo "postgresql is not installed" >&2; exit 1; }
PGRUN=/tmp/runadapt-pg; PGDATA=$PGRUN/data
mkdir -p "$PGRUN" && chown postgres:postgres "$PGRUN"
[ -s "$PGDATA/PG_VERSION" ] || runuser -u postgres -- "$PGBIN/initdb" -D "$PGDATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >&2
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1 || \
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGRUN/server.log" -w -t 30 \
    -o "-p 54329 -c listen_addresses=127.0.0.1 -k $PGRUN -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >&2
"$PGBIN/pg_isready" -h 127.0.0.1 -p 54329 >&2
echo "Host=127.0.0.1;Port=54329;Username=postgres;Database=postgres"
