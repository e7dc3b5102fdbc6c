#!/bin/bash
# Entrypoint of db-replica (official postgres image): on the first start, while its data
# volume is empty, copies the primary with pg_basebackup -R (which writes standby.signal and
# primary_conninfo, so the server starts as a hot standby streaming from the primary through
# the slot replica1); then runs postgres. Later starts find the data and only run postgres.
set -euo pipefail
: "${PRIMARY_HOST:?}" "${REPLICATION_USER:?}" "${REPLICATION_PASSWORD:?}"
PGDATA="${PGDATA:-/var/lib/postgresql/data}"

if [ "$(id -u)" = 0 ]; then
    # the volume is created owned by root: hand it to postgres, then continue as postgres
    mkdir -p "$PGDATA"
    chown postgres:postgres "$PGDATA"
    chmod 700 "$PGDATA"
    exec gosu postgres "$0" "$@"
fi

if [ ! -s "$PGDATA/PG_VERSION" ]; then
    until pg_isready --quiet --host="$PRIMARY_HOST" --port="${PRIMARY_PORT:-5432}"; do
        echo "db-replica: waiting for the primary $PRIMARY_HOST"
        sleep 2
    done
    echo "db-replica: copying the primary (pg_basebackup -R)"
    mkdir -p "$PGDATA"
    chmod 700 "$PGDATA"
    find "$PGDATA" -mindepth 1 -delete
    PGPASSWORD="$REPLICATION_PASSWORD" pg_basebackup --host="$PRIMARY_HOST" \
        --port="${PRIMARY_PORT:-5432}" --username="$REPLICATION_USER" --pgdata="$PGDATA" \
        --write-recovery-conf --wal-method=stream --slot=replica1 --checkpoint=fast
fi

# hot_standby: answer read-only queries; hot_standby_feedback: the primary's vacuum does not
# remove rows a long read on the replica still needs (fewer cancelled queries).
exec postgres -c hot_standby=on -c hot_standby_feedback=on "$@"
