#!/usr/bin/env bash
# Upgrades keep data: installs the add-ons as they were released at PREVIOUS_RELEASE (taken from
# git with `git archive`, no checkout) into a throw-away database with demo data, adds records
# through the ORM (fill.py), snapshots every table and column of the add-ons' models
# (snapshot.py: row counts and a digest of each column's values), upgrades the database with
# the current code (`odoo-bin -u` every add-on, `-i` the add-ons that are new since), snapshots
# again and compares (compare.py): a table, a row or a column lost, or a value changed, fails.
#
#   bash tests/upgrade/run.sh            # 2½ to 5 minutes on a shared 2-core machine
#
# NETMETH_PREVIOUS_RELEASE=<commit> compares with another release. NETMETH_UPGRADE_KEEP=1
# keeps the database (nm_upgrade_<pid>) and the work directory for a look afterwards.
# Environment as scripts/test.sh (PGHOST, PGPORT, PGUSER, PGPASSWORD, ODOO_PATH).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../../scripts/lib.sh
source "$HERE/../../scripts/lib.sh"

# The last release: «README and docker: every add-on installed and upgraded» (a sha, as tags
# do not travel with the branches).
PREVIOUS_RELEASE="${NETMETH_PREVIOUS_RELEASE:-0d89bfaf915d1125a5e686201bb594a9b7b28b76}"

setup_all
ensure_postgres

DB="nm_upgrade_$$"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/nm_upgrade.XXXXXX")"
DATA_DIR="$WORK/data"
export ODOO_CONF="$ROOT/odoo.conf"
CURRENT_ROOT="$ROOT"
cleanup() {
    if [ "${NETMETH_UPGRADE_KEEP:-0}" = 1 ]; then
        say "kept: database $DB, work directory $WORK"
        return
    fi
    pg_drop_db "$DB" >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT

# addons_in DIR: the add-ons of an addons/ folder, comma-separated
addons_in() {
    local manifest names=()
    for manifest in "$1"/*/__manifest__.py; do
        names+=("$(basename "$(dirname "$manifest")")")
    done
    (IFS=,; echo "${names[*]}")
}

# run_odoo ROOT LOG [shell] ARGS…: odoo-bin (or its shell) with the add-ons of ROOT/addons;
# fails on an ERROR in LOG.
run_odoo() {
    local root="$1" log="$2" rc=0 errors command=()
    shift 2
    if [ "${1:-}" = shell ]; then command=(shell); shift; fi
    local saved_root="$ROOT"
    ROOT="$root"
    odoo_command
    ROOT="$saved_root"
    # a sub-command (shell) comes first, before the options
    "${ODOO_CMD[@]:0:2}" "${command[@]}" "${ODOO_CMD[@]:2}" -d "$DB" "$@" >"$log" 2>&1 || rc=$?
    errors=$(odoo_log_errors "$log")
    if [ -n "$errors" ] || [ "$rc" != 0 ]; then
        printf '%s\n' "${errors:-$(tail -n 40 "$log")}" >&2
        die "odoo-bin $* failed on $DB (exit code $rc; log: $log)"
    fi
}

git -C "$CURRENT_ROOT" cat-file -e "$PREVIOUS_RELEASE^{commit}" 2>/dev/null \
    || die "commit $PREVIOUS_RELEASE is not in this repository (fetch it, or set NETMETH_PREVIOUS_RELEASE)"
mkdir -p "$WORK/previous" "$DATA_DIR"
git -C "$CURRENT_ROOT" archive "$PREVIOUS_RELEASE" addons | tar -x -C "$WORK/previous"
OLD_ADDONS="$(addons_in "$WORK/previous/addons")"
NEW_ADDONS="$(addons_in "$CURRENT_ROOT/addons")"
ADDED="$(comm -13 <(tr , '\n' <<<"$OLD_ADDONS" | sort) <(tr , '\n' <<<"$NEW_ADDONS" | sort) | paste -sd, -)"
UPGRADED="$(comm -12 <(tr , '\n' <<<"$OLD_ADDONS" | sort) <(tr , '\n' <<<"$NEW_ADDONS" | sort) | paste -sd, -)"

say "previous release ${PREVIOUS_RELEASE:0:10}: installing $OLD_ADDONS with demo data into $DB"
start=$SECONDS
run_odoo "$WORK/previous" "$WORK/install.log" -i "$OLD_ADDONS" --stop-after-init --no-http
install_time=$((SECONDS - start))

say "adding records through the ORM (fill.py)"
start=$SECONDS
printf 'import sys\nsys.path.insert(0, "%s")\nfrom fill import fill\nfill(env)\nenv.cr.commit()\n' "$HERE" \
    | run_odoo "$WORK/previous" "$WORK/fill.log" shell --no-http
fill_time=$((SECONDS - start))

"$VENV/bin/python" "$HERE/snapshot.py" "$DB" "$OLD_ADDONS" >"$WORK/before.json"

say "upgrading to the current code: -u $UPGRADED${ADDED:+, -i $ADDED}"
start=$SECONDS
run_odoo "$CURRENT_ROOT" "$WORK/upgrade.log" -u "$UPGRADED" ${ADDED:+-i "$ADDED"} --stop-after-init --no-http
upgrade_time=$((SECONDS - start))

"$VENV/bin/python" "$HERE/snapshot.py" "$DB" "$OLD_ADDONS" >"$WORK/after.json"

say "install of the previous release ${install_time} s, filling ${fill_time} s, upgrade ${upgrade_time} s"
"$VENV/bin/python" "$HERE/compare.py" "$WORK/before.json" "$WORK/after.json"
