#!/bin/bash
# Runs once, when the primary's data volume is initialized (the official postgres image runs
# /docker-entrypoint-initdb.d/*.sh as the postgres user, on a server listening on its socket
# only): creates the replication role and the physical replication slot of db-replica, and
# lets that role connect for replication from the compose network.
set -euo pipefail
: "${REPLICATION_USER:?}" "${REPLICATION_PASSWORD:?}"

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v user="$REPLICATION_USER" -v password="$REPLICATION_PASSWORD" <<'SQL'
CREATE ROLE :"user" WITH REPLICATION LOGIN PASSWORD :'password';
-- The slot keeps the WAL the replica has not received yet (bounded by max_slot_wal_keep_size).
SELECT pg_create_physical_replication_slot('replica1');
SQL

# "all" in pg_hba.conf does not cover replication connections: allow the role explicitly.
echo "host replication $REPLICATION_USER all scram-sha-256" >>"$PGDATA/pg_hba.conf"
