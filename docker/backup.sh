#!/usr/bin/env bash
# Backs up the deployment: the database (pg_dump, custom format) first, then the filestore
# (attachments: PDFs, scans, materials; the database only holds their checksums). Files whose
# attachment is deleted stay in the filestore until Odoo's garbage collection, so a filestore
# copied after the dump holds every file the dump refers to.
#
#   bash docker/backup.sh [DIR]     (DIR defaults to docker/backups)
#
# writes DIR/<db>-<UTC time>.dump and DIR/<db>-<UTC time>.filestore.tar.gz and prints both
# paths. Run it from cron (daily) and copy DIR off the host. docker/restore.sh restores them.
#
# It reads docker/.env (ODOO_DB, POSTGRES_USER) and runs pg_dump in the db service and tar in
# the odoo service. NETMETH_LOCAL=1 runs both here instead, on the server PGHOST/PGPORT/PGUSER
# and the filestore folder NETMETH_FILESTORE (tests/test_replica.py does so).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [ -f "$here/.env" ] && [ "${NETMETH_LOCAL:-0}" != 1 ]; then
    set -a; source "$here/.env"; set +a
fi
db="${ODOO_DB:-netmeth}"
out="${1:-$here/backups}"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
dump="$out/$db-$stamp.dump"
filestore="$out/$db-$stamp.filestore.tar.gz"

if [ "${NETMETH_LOCAL:-0}" = 1 ]; then
    : "${NETMETH_FILESTORE:?NETMETH_FILESTORE: the folder holding the filestores (data_dir/filestore)}"
    db_run=()
    dump_user=()
    files_run=(sh -c)
    filestore_root="$NETMETH_FILESTORE"
else
    cd "$here"
    db_run=(docker compose exec -T db)
    dump_user=(--username="${POSTGRES_USER:-odoo}")
    files_run=(docker compose exec -T odoo sh -c)
    filestore_root=/var/lib/odoo/filestore
fi

# Written under a temporary name and renamed when complete: a failed run leaves no file that
# looks like a backup.
"${db_run[@]}" pg_dump "${dump_user[@]}" --format=custom --no-owner --no-privileges "$db" \
    >"$dump.part"
mv "$dump.part" "$dump"
"${files_run[@]}" 'tar -C "$1" -czf - "$2"' sh "$filestore_root" "$db" >"$filestore.part"
mv "$filestore.part" "$filestore"
printf '%s\n%s\n' "$dump" "$filestore"
