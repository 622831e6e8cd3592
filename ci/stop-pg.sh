#!/usr/bin/env bash
# Stops the PostgreSQL that start-pg.sh started.
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
runuser -u postgres -- "$PGBIN/pg_ctl" -D /tmp/runadapt-pg/data -m fast -w stop
