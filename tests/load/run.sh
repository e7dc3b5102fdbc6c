#!/usr/bin/env bash
# The load test: a multi-worker Odoo with region-sized data, driven by locust (headless, bounded
# in users and time, on 127.0.0.1 only), its figures compared with Odoo's own portal home /my.
#
#   bash tests/load/run.sh
#
# 1. creates the throw-away database nm_load_<pid> with every add-on and the demo data;
# 2. fills the current school year with a region in SQL (tests/load/populate.py: 2,000
#    organizations, 100,000 teachers, 1,000,000 tokens, 20,000 certificates with their frozen
#    PDFs) and gives portal access to a sample of teachers and coordinators;
# 3. serves it with prefork workers (--workers, --max-cron-threads=0) on 127.0.0.1;
# 4. runs locust (tests/load/locustfile.py): a warm-up (30 s), one user of each role (60 s:
#    each page's own time), then the measure (50 users for 3 minutes);
# 5. prints the tables of tests/load/report.py for the light run and the measure (also written
#    to var/load/<date>/report*.md with locust's CSV files and the server log) and exits 1 when
#    the measure misses a target;
# 6. stops the server and drops the database, whatever happened.
#
# Environment (all optional):
#   NETMETH_LOAD_FACTOR        1: region size (default); N: 1/N of it
#   NETMETH_LOAD_USERS_MAX     concurrent locust users (default 50)
#   NETMETH_LOAD_SPAWN_RATE    users started per second (default 5)
#   NETMETH_LOAD_TIME          length of the measure (default 3m; the warm-up is 30s)
#   NETMETH_LOAD_WAIT          seconds each user waits between pages (default 5-15: reading)
#   NETMETH_LOAD_WORKERS       Odoo workers (default cores × 2 + 1, Odoo's rule of thumb)
#   NETMETH_LOAD_PORT          HTTP port (default 8095; the gevent port is the next one)
#   NETMETH_LOAD_DB            an existing database populated by an earlier run kept with
#                              NETMETH_LOAD_KEEP=1: steps 1-2 are skipped, it is not dropped
#   NETMETH_LOAD_KEEP=1        keep the database (and say so) instead of dropping it
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/lib.sh"

LOAD_DIR="$ROOT/tests/load"
PORT="${NETMETH_LOAD_PORT:-8095}"
USERS_MAX="${NETMETH_LOAD_USERS_MAX:-50}"
SPAWN_RATE="${NETMETH_LOAD_SPAWN_RATE:-5}"
RUN_TIME="${NETMETH_LOAD_TIME:-3m}"
WORKERS="${NETMETH_LOAD_WORKERS:-$(($(nproc) * 2 + 1))}"
OUT="$ROOT/var/load/$(date -u +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
export NETMETH_LOAD_USERS="$OUT/users.json"

setup_all
ensure_postgres

# locust in a virtualenv of its own: it needs newer gevent, greenlet and Werkzeug than Odoo pins
key=$( { "$PYTHON" --version; cat "$LOAD_DIR/requirements.txt"; } | sha1sum | cut -c1-12)
LOCUST_VENV="$CACHE_DIR/venv-load-$key"
if [ ! -f "$LOCUST_VENV/.complete" ]; then
    say "creating virtualenv $LOCUST_VENV (locust; log: $LOG_DIR/pip-load.log)"
    rm -rf "$LOCUST_VENV"
    : >"$LOG_DIR/pip-load.log"
    run_logged "$LOG_DIR/pip-load.log" "$PYTHON" -m venv "$LOCUST_VENV" \
        && run_logged "$LOG_DIR/pip-load.log" "$LOCUST_VENV/bin/pip" install \
            -r "$LOAD_DIR/requirements.txt" \
        || die "installing locust failed (log: $LOG_DIR/pip-load.log)"
    touch "$LOCUST_VENV/.complete"
fi

server_pid=""
keep="${NETMETH_LOAD_KEEP:-0}"
if [ -n "${NETMETH_LOAD_DB:-}" ]; then
    DB="$NETMETH_LOAD_DB"
    keep=1
    [ -s "$ROOT/var/load/$DB.json" ] || die "no $ROOT/var/load/$DB.json: populate $DB first"
    cp "$ROOT/var/load/$DB.json" "$NETMETH_LOAD_USERS"
else
    DB="nm_load_$$"
fi
cleanup() {
    if [ -n "$server_pid" ]; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    if [ "$keep" = 1 ]; then
        say "database $DB kept (drop it with: dropdb $DB)"
    else
        pg_drop_db "$DB" >/dev/null 2>&1 || true
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ -z "${NETMETH_LOAD_DB:-}" ]; then
    started=$SECONDS
    say "installing $(network_addons) with demo data on $DB (log: $OUT/install.log)"
    odoo_install "$DB" "$(network_addons)" "$OUT/install.log"
    say "installed in $((SECONDS - started))s; generating the data (factor ${NETMETH_LOAD_FACTOR:-1}, log: $OUT/populate.log)"
    started=$SECONDS
    odoo_command
    # odoo-bin's sub-command comes before its options
    run_logged "$OUT/populate.log" "${ODOO_CMD[@]:0:2}" shell "${ODOO_CMD[@]:2}" -d "$DB" \
        --no-http <"$LOAD_DIR/populate.py" || die "generating the data failed"
    say "data generated in $((SECONDS - started))s: $(grep -o 'load data ready.*' "$OUT/populate.log")"
    [ "$keep" != 1 ] || cp "$NETMETH_LOAD_USERS" "$ROOT/var/load/$DB.json"
fi

say "serving $DB with $WORKERS workers on 127.0.0.1:$PORT (log: $OUT/server.log)"
odoo_command
"${ODOO_CMD[@]}" -d "$DB" --db-filter="^$DB\$" --no-database-list \
    --workers="$WORKERS" --max-cron-threads=0 \
    --http-interface=127.0.0.1 --http-port="$PORT" --gevent-port=$((PORT + 1)) \
    --limit-time-real=120 --limit-time-cpu=60 \
    >"$OUT/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 120); do
    curl -fs -o /dev/null "http://127.0.0.1:$PORT/web/login" && break
    kill -0 "$server_pid" 2>/dev/null || die "the server stopped (log: $OUT/server.log)"
    sleep 1
done
curl -fs -o /dev/null "http://127.0.0.1:$PORT/web/login" \
    || die "the server does not answer on 127.0.0.1:$PORT (log: $OUT/server.log)"

locust_run() {
    "$LOCUST_VENV/bin/locust" -f "$LOAD_DIR/locustfile.py" --headless --only-summary \
        --host "http://127.0.0.1:$PORT" --loglevel WARNING "$@"
}
say "warm-up: 6 users for 30s (every worker renders every page: templates, assets' URLs)"
NETMETH_LOAD_WAIT=0.2-0.5 locust_run -u 6 -r 6 -t 30s >"$OUT/warmup.log" 2>&1 || true
# A light run first: one user of each role, each page's own time without a queue
say "light: one user of each role for 60s (each page's own time)"
from_line=$(($(wc -l <"$OUT/server.log") + 1))
NETMETH_LOAD_ONE_EACH=1 NETMETH_LOAD_WAIT=1-2 locust_run -u 3 -r 3 -t 60s --csv "$OUT/single" \
    >"$OUT/single.log" 2>&1 || true
tail -n +"$from_line" "$OUT/server.log" >"$OUT/server-single.log"
say "measure: $USERS_MAX users (started $SPAWN_RATE per second) for $RUN_TIME"
load_start=$(date -u '+%F %T')
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
from_line=$(($(wc -l <"$OUT/server.log") + 1))
locust_run -u "$USERS_MAX" -r "$SPAWN_RATE" -t "$RUN_TIME" --csv "$OUT/locust" \
    >"$OUT/locust.log" 2>&1 || true
tail -n +"$from_line" "$OUT/server.log" >"$OUT/server-load.log"
printf 'Run of %s UTC: %s users for %s, factor %s, %s workers, %s cores; load average %s before, %s after (1, 5, 15 min)\n' \
    "$load_start" "$USERS_MAX" "$RUN_TIME" \
    "$("$LOCUST_VENV/bin/python" -c 'import json, sys; print(json.load(open(sys.argv[1]))["factor"])' "$NETMETH_LOAD_USERS")" \
    "$WORKERS" "$(nproc)" \
    "$load_before" "$(cut -d' ' -f1-3 /proc/loadavg)" >"$OUT/machine.txt"
echo "One user of each role:"
"$LOCUST_VENV/bin/python" "$LOAD_DIR/report.py" "$OUT/single" "$OUT/server-single.log" \
    "$OUT/report-single.md" || true
echo "$USERS_MAX users:"
rc=0
"$LOCUST_VENV/bin/python" "$LOAD_DIR/report.py" "$OUT/locust" "$OUT/server-load.log" \
    "$OUT/report.md" || rc=$?
cat "$OUT/machine.txt"
say "figures in $OUT (report.md, locust_stats.csv, server.log)"
exit "$rc"
