#!/usr/bin/env bash
# Restores a backup of docker/backup.sh into the database ODOO_DB (or DB), replacing it:
#
#   bash docker/restore.sh DUMP FILESTORE_TAR [DB]
#
# Stops odoo, drops and re-creates the database, restores the dump (pg_restore), replaces the
# database's filestore with the archived one (the archive's folder is renamed to DB), and
# starts odoo again. The replica follows the primary by itself (the restore is ordinary WAL).
#
# NETMETH_LOCAL=1 works on the server PGHOST/PGPORT/PGUSER and the filestore folder
# NETMETH_FILESTORE instead of the compose services, and stops/starts nothing
# (tests/test_replica.py restores a backup of the test database so into a new cluster).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dump="$(realpath "${1:?usage: restore.sh DUMP FILESTORE_TAR [DB]}")"
archive="$(realpath "${2:?usage: restore.sh DUMP FILESTORE_TAR [DB]}")"
if [ -f "$here/.env" ] && [ "${NETMETH_LOCAL:-0}" != 1 ]; then
    set -a; source "$here/.env"; set +a
fi
db="${3:-${ODOO_DB:-netmeth}}"

if [ "${NETMETH_LOCAL:-0}" = 1 ]; then
    : "${NETMETH_FILESTORE:?NETMETH_FILESTORE: the folder holding the filestores (data_dir/filestore)}"
    db_run=()
    user=()
    files_run=(sh -c)
    filestore_root="$NETMETH_FILESTORE"
else
    cd "$here"
    docker compose stop odoo
    db_run=(docker compose exec -T db)
    user=(--username="${POSTGRES_USER:-odoo}")
    files_run=(docker compose run --rm --no-deps -T --entrypoint sh odoo -c)
    filestore_root=/var/lib/odoo/filestore
fi

"${db_run[@]}" dropdb "${user[@]}" --if-exists --force "$db"
"${db_run[@]}" createdb "${user[@]}" "$db"
"${db_run[@]}" pg_restore "${user[@]}" --dbname="$db" --no-owner --no-privileges --exit-on-error \
    <"$dump"
"${files_run[@]}" 'rm -rf "$1/$2" && mkdir -p "$1/$2" && tar -xzf - -C "$1/$2" --strip-components=1' \
    sh "$filestore_root" "$db" <"$archive"

[ "${NETMETH_LOCAL:-0}" = 1 ] || docker compose start odoo
echo "restored $db from $dump and $archive"
