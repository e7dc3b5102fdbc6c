#!/usr/bin/env bash
# Runs the product: Odoo 18 with every add-on of addons/ on a database filled with demo data, Russian
# loaded, then prints the URL and the demo logins and serves until Ctrl-C.
#
#   bash scripts/demo.sh [--reset] [--db-manager] [ODOO OPTIONS…]
#
# The database (NETMETH_DB, default network_methodology) is created the first time and reused
# afterwards; --reset drops it and starts again from fresh demo data. NETMETH_PORT sets the HTTP
# port (default 8069). The server listens on 127.0.0.1 only (NETMETH_LISTEN=0.0.0.0 opens it to
# the network). Odoo's database manager (/web/database) is off; --db-manager turns it on with a
# master password generated on the first run and printed once. Extra options go to odoo-bin
# (e.g. --dev=xml,reload).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

MODULES=$(network_addons)
DB="${NETMETH_DB:-network_methodology}"
PORT="${NETMETH_PORT:-8069}"
reset=0
db_manager=0
while [ $# -gt 0 ]; do
    case "$1" in
        --reset) reset=1 ;;
        --db-manager) db_manager=1 ;;
        *) break ;;
    esac
    shift
done
[[ "$DB" =~ ^[A-Za-z0-9_-]+$ ]] || die "NETMETH_DB may hold only letters, digits, _ and -: $DB"

setup_all
ensure_postgres

if [ "$reset" = 1 ] && pg_db_exists "$DB"; then
    say "--reset: dropping database $DB"
    pg_drop_db "$DB"
fi

# Install when the database is new, or when an earlier run stopped before every add-on was in.
installed=0
if pg_db_exists "$DB"; then
    installed=$("$VENV/bin/python" - "$DB" "$MODULES" <<'EOF' || true
import sys
import psycopg2
try:
    with psycopg2.connect(dbname=sys.argv[1]) as conn, conn.cursor() as cr:
        cr.execute(
            "SELECT count(*) FROM ir_module_module WHERE state = 'installed' AND name IN %s",
            [tuple(sys.argv[2].split(","))],
        )
        print(1 if cr.fetchone()[0] == len(sys.argv[2].split(",")) else 0)
except psycopg2.Error:
    print("not-odoo")
EOF
)
    [ "$installed" != not-odoo ] \
        || die "database $DB exists but is not an Odoo database: use NETMETH_DB=another_name or --reset"
fi
if [ "$installed" = 1 ]; then
    say "reusing database $DB (bash scripts/demo.sh --reset starts again from fresh demo data)"
else
    log="$LOG_DIR/demo-install.log"
    say "installing $MODULES with demo data and Russian on database $DB (a few minutes; log: $log)"
    started=$SECONDS
    odoo_install "$DB" "$MODULES" "$log"
    say "installed in $((SECONDS - started))s"
fi

ODOO_CONF=$(demo_config "$DATA_DIR" "$db_manager")
export ODOO_CONF

cat <<EOF

  Network methodology (Odoo 18) — database $DB
  URL:  http://localhost:$PORT/web/login  (listening on ${NETMETH_LISTEN:-127.0.0.1})
  Database manager: $([ "$db_manager" = 1 ] && echo "on, master password as printed on the first run" || echo "off (--db-manager)")

  login        password     who
  admin        admin        administrator
  methodist    methodist    centre methodist (backend)
  coordinator  coordinator  school coordinator (portal)
  teacher      teacher      teacher (portal)
  department   department   education department (backend, read-only)

  Ctrl-C stops the server; the database is kept for the next run.

EOF

# The language is in the database since the install: do not reload it at every start.
odoo_command
exec "${ODOO_CMD[@]}" -d "$DB" --db-filter="^$DB\$" --http-port="$PORT" --load-language= "$@"
