#!/usr/bin/env bash
# Runs every test: lints the add-ons (ruff, pylint-odoo), installs every add-on with its demo
# data on a throw-away database, runs the add-ons' tests and tests/ through pytest-odoo (with an
# HTTP server, so HttpCase and browser tours run), then drops the database. The last line is
# pytest's summary; the exit code is pytest's (any failure, or no test collected, is non-zero).
#
#   bash scripts/test.sh [PYTEST ARGS…]     e.g. -k agreement, -x, -v
#
# NETMETH_TEST_PORT pins the test HTTP server's port (default: a free one); NETMETH_LINT=0
# skips the lint step (for a quick local loop; CI never sets it).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

MODULES=$(network_addons)
DB="nm_test_$$"
started=$SECONDS
phase_start=$SECONDS
timings=()
phase_done() {
    timings+=("$1 $((SECONDS - phase_start))s")
    phase_start=$SECONDS
}

setup_all chromium
ensure_postgres
# Browser tests (HttpCase tours) are skipped by Odoo with only an INFO line when Chromium or
# websocket-client is missing: refuse to run without them instead.
command -v chromium >/dev/null || command -v chromium-browser >/dev/null \
    || die "chromium is not on PATH: the browser tests would be skipped (apt-get install chromium)"
"$VENV/bin/python" -c 'import websocket' 2>/dev/null \
    || die "websocket-client does not import in $VENV: the browser tests would be skipped"
phase_done setup

if [ "${NETMETH_LINT:-1}" = 0 ]; then
    say "lint: skipped (NETMETH_LINT=0)"
else
    say "lint: ruff and pylint-odoo"
    run_lint || die "lint findings above (bash scripts/lint.sh --fix fixes most ruff ones)"
fi
phase_done lint

# Throw-away database and Odoo data directory, dropped on exit whatever happens.
DATA_DIR="$(mktemp -d "${TMPDIR:-/tmp}/nm_test_data.XXXXXX")"
cleanup() {
    pg_drop_db "$DB" >/dev/null 2>&1 || true
    rm -rf "$DATA_DIR"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log="$LOG_DIR/test-install.log"
say "installing $MODULES with demo data on database $DB (log: $log)"
odoo_install "$DB" "$MODULES" "$log"
warnings=$(grep -cE '^[0-9-]+ [0-9:,]+ [0-9]+ WARNING ' "$log" || true)
say "installed: no ERROR in the log, $warnings WARNING lines (see $log)"
# Our add-ons' own warnings (missing access rules, bad field definitions …) are worth a look.
grep -E '^[0-9-]+ [0-9:,]+ [0-9]+ WARNING .*network' "$log" | head -n 20 >&2 || true
phase_done install

mapfile -t db_args < <(odoo_db_args)
pytest_args=(
    --odoo-database="$DB"
    --odoo-config="$ROOT/odoo.conf"
    --odoo-addons-path="$(addons_path)"
    --odoo-http
    --odoo-extra="data-dir=$DATA_DIR"
    # The language is in the database since the install; do not reload it on start-up.
    --odoo-extra="load-language="
)
for arg in "${db_args[@]}"; do pytest_args+=(--odoo-extra="${arg#--}"); done

say "timings: ${timings[*]} (total $((SECONDS - started))s); running pytest"
cd "$ROOT"
pytest_rc=0
"$VENV/bin/python" -m pytest "${pytest_args[@]}" "$@" || pytest_rc=$?
exit "$pytest_rc"
