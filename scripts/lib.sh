# shellcheck shell=bash
# Shared set-up for scripts/demo.sh and scripts/test.sh. Sourced, not executed.
#
# setup_all [chromium] finds Odoo 18 (at $ODOO_PATH, else a cached clone of upstream 18.0),
# installs the Debian packages the product needs when they are missing (chromium too when
# asked), and builds a cached virtualenv with Odoo's and the project's Python requirements
# (pip's output goes to var/log/pip.log). Afterwards:
#   ensure_postgres      stops with one line when the PostgreSQL server does not answer
#   odoo ARGS…           odoo-bin with the project's odoo.conf, add-ons path, data dir and database
#   odoo_install DB MODULES LOG   installs add-ons, failing on any ERROR in the log
#   pg_sql SQL [ARGS…]   one statement on the server's `postgres` database
#   run_lint [--fix]     ruff and pylint-odoo
#
# Environment (all optional):
#   ODOO_PATH       Odoo 18 source tree (default /opt/odoo18)
#   ODOO_UPSTREAM   git URL cloned when ODOO_PATH holds no Odoo 18 (default: Odoo on GitHub)
#   NETMETH_CACHE   cache for the clone and virtualenvs (default ~/.cache/network-methodology)
#   NETMETH_DATA    Odoo data directory: filestore, sessions (default ~/.local/share/network-methodology)
#   PYTHON          interpreter for the virtualenv (default: python3 if it is 3.10-3.12, else
#                   python3.12, python3.11 or python3.10)
#   PGHOST PGPORT PGUSER PGPASSWORD   PostgreSQL server (default: local socket, else 127.0.0.1)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ODOO_PATH="${ODOO_PATH:-/opt/odoo18}"
ODOO_UPSTREAM="${ODOO_UPSTREAM:-https://github.com/odoo/odoo.git}"
CACHE_DIR="${NETMETH_CACHE:-$HOME/.cache/network-methodology}"
DATA_DIR="${NETMETH_DATA:-$HOME/.local/share/network-methodology}"
LOG_DIR="$ROOT/var/log"

# PostgreSQL: the machine's own server by default (Unix socket if there is one, else TCP on
# 127.0.0.1); PGHOST/PGPORT/PGUSER/PGPASSWORD point elsewhere. libpq (psycopg2) reads them too.
export PGPORT="${PGPORT:-5432}"
if [ -z "${PGHOST:-}" ]; then
    PGHOST=127.0.0.1
    for dir in /var/run/postgresql /tmp; do
        if [ -S "$dir/.s.PGSQL.$PGPORT" ]; then PGHOST="$dir"; break; fi
    done
fi
export PGHOST PGUSER="${PGUSER:-$(id -un)}"

if [ -t 2 ]; then
    say() { printf '\033[1m[netmeth]\033[0m %s\n' "$*" >&2; }
else
    say() { printf '[netmeth] %s\n' "$*" >&2; }
fi
die() { printf '[netmeth] ERROR: %s\n' "$*" >&2; exit 1; }

# run_logged LOGFILE CMD…: runs CMD with its output in LOGFILE; on failure prints the log's tail.
run_logged() {
    local log="$1"; shift
    if ! "$@" >>"$log" 2>&1; then
        printf '[netmeth] command failed: %s\n--- last lines of %s ---\n' "$*" "$log" >&2
        grep -v 'WARNING: Location .* is ignored' "$log" | tail -n 40 >&2
        return 1
    fi
}

is_odoo18_tree() {
    [ -f "$1/odoo-bin" ] || return 1
    grep -qE "^version_info = \(18, 0" "$1/odoo/release.py" 2>/dev/null
}

ensure_odoo() {
    if is_odoo18_tree "$ODOO_PATH"; then
        return
    fi
    local clone="$CACHE_DIR/odoo-18.0"
    if ! is_odoo18_tree "$clone"; then
        command -v git >/dev/null || apt_install git
        # Probe first (quietly, bounded in time) so that offline the only output is one line.
        GIT_TERMINAL_PROMPT=0 timeout 60 git ls-remote --exit-code --heads "$ODOO_UPSTREAM" 18.0 \
            >/dev/null 2>&1 \
            || die "no Odoo 18 tree at $ODOO_PATH and $ODOO_UPSTREAM is unreachable: set ODOO_PATH to an Odoo 18.0 source tree"
        say "no Odoo 18 tree at $ODOO_PATH: cloning Odoo 18.0 from $ODOO_UPSTREAM into $clone (about 1 GB)"
        rm -rf "$clone.part"    # only a previous interrupted clone
        GIT_TERMINAL_PROMPT=0 GIT_HTTP_LOW_SPEED_LIMIT=1000 GIT_HTTP_LOW_SPEED_TIME=120 \
            git clone --quiet --depth 1 --branch 18.0 "$ODOO_UPSTREAM" "$clone.part" \
            || { rm -rf "$clone.part"; die "cloning $ODOO_UPSTREAM failed: set ODOO_PATH to an Odoo 18.0 source tree"; }
        mv "$clone.part" "$clone"
    fi
    ODOO_PATH="$clone"
}

pick_python() {
    # Odoo 18 supports Python 3.10 to 3.12.
    local candidates=("${PYTHON:-}") py
    [ -n "${PYTHON:-}" ] || candidates=(python3 python3.12 python3.11 python3.10)
    for py in "${candidates[@]}"; do
        command -v "$py" >/dev/null || continue
        if "$py" -c 'import sys; sys.exit(not (3, 10) <= sys.version_info[:2] <= (3, 12))'; then
            PYTHON="$py"
            return
        fi
    done
    die "no Python 3.10-3.12 found (Odoo 18 needs one): install python3.11 or set PYTHON"
}

# ensure_debian_packages [chromium]: installs what is missing (wkhtmltopdf for PDF reports,
# pdftotext for the tests that read them, headers to compile psycopg2/python-ldap, chromium for
# the browser tests when asked).
ensure_debian_packages() {
    local missing=() pair
    local pairs=("gcc:gcc" "wkhtmltopdf:wkhtmltopdf" "pg_config:libpq-dev" "pdftotext:poppler-utils")
    [ "${1:-}" = chromium ] && pairs+=("chromium:chromium")
    for pair in "${pairs[@]}"; do
        command -v "${pair%%:*}" >/dev/null || missing+=("${pair#*:}")
    done
    [ -f /usr/include/ldap.h ] || missing+=(libldap2-dev)
    [ -f /usr/include/sasl/sasl.h ] || missing+=(libsasl2-dev)
    if ! "$PYTHON" -c 'import os, sysconfig, sys
sys.exit(not os.path.exists(os.path.join(sysconfig.get_paths()["include"], "Python.h")))'; then
        missing+=(python3-dev)
    fi
    "$PYTHON" -c 'import ensurepip' 2>/dev/null || missing+=(python3-venv)
    [ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
}

# apt_install PACKAGE…: installs Debian packages (as root, or through password-less sudo).
apt_install() {
    command -v apt-get >/dev/null \
        || die "missing system packages: $* (install them with your package manager)"
    local sudo=() log="$LOG_DIR/apt.log"
    if [ "$(id -u)" != 0 ]; then
        sudo -n true 2>/dev/null \
            || die "missing Debian packages: $* (install them as root: apt-get install $*)"
        sudo=(sudo -n)
    fi
    say "installing Debian packages: $* (log: $log)"
    : >"$log"
    if ! { run_logged "$log" "${sudo[@]}" apt-get update -q \
           && run_logged "$log" "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
               apt-get install -y -q --no-install-recommends "$@"; }; then
        die "installing Debian packages $* failed (log: $log)"
    fi
}

ensure_venv() {
    # One virtualenv per (Python, Odoo requirements, project requirements): reused across clones.
    local key log
    key=$( { "$PYTHON" --version; cat "$ODOO_PATH/requirements.txt" "$ROOT/requirements.txt"; } \
        | sha1sum | cut -c1-12)
    VENV="$CACHE_DIR/venv-$key"
    if [ ! -f "$VENV/.complete" ]; then
        log="$LOG_DIR/pip.log"
        : >"$log"
        say "creating virtualenv $VENV (Odoo's and our requirements, a few minutes; log: $log)"
        rm -rf "$VENV"
        run_logged "$log" "$PYTHON" -m venv "$VENV" || die "creating the virtualenv failed"
        # cbor2 5.4.2 (Odoo's pin for Python < 3.12) no longer builds with current setuptools.
        sed -E 's/^cbor2==5\.4\.2.*/cbor2==5.6.2/' "$ODOO_PATH/requirements.txt" \
            >"$VENV/odoo-requirements.txt"
        if ! { run_logged "$log" "$VENV/bin/pip" install --upgrade pip wheel "setuptools<75" \
               && run_logged "$log" "$VENV/bin/pip" install \
                   -r "$VENV/odoo-requirements.txt" -r "$ROOT/requirements.txt"; }; then
            die "installing Python requirements failed (log: $log)"
        fi
        touch "$VENV/.complete"
    fi
    export PATH="$VENV/bin:$PATH"
}

# pg_sql SQL [ARGS…]: runs SQL (with %s parameters) on the server's `postgres` database and
# prints the rows' first column, one a line.
pg_sql() {
    "$VENV/bin/python" - "$@" <<'EOF'
import sys
import psycopg2
try:
    conn = psycopg2.connect(dbname="postgres")
except psycopg2.OperationalError as exc:
    sys.exit(" ".join(str(exc).split()))
conn.autocommit = True
with conn.cursor() as cr:
    cr.execute(sys.argv[1], sys.argv[2:] or None)
    if cr.description:
        for row in cr.fetchall():
            print(row[0])
EOF
}

# pg_db_exists DB
pg_db_exists() {
    [ -n "$(pg_sql 'SELECT 1 FROM pg_database WHERE datname = %s' "$1")" ]
}

# pg_drop_db DB: drops the database (closing its connections) and its filestore.
pg_drop_db() {
    pg_sql 'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s' "$1" >/dev/null
    pg_sql "DROP DATABASE IF EXISTS \"$1\"" >/dev/null
    rm -rf "$DATA_DIR/filestore/$1"
}

ensure_postgres() {
    local err
    err=$(pg_sql 'SELECT 1' 2>&1 >/dev/null) \
        || die "PostgreSQL does not answer (host=$PGHOST port=$PGPORT user=$PGUSER): start it or set PGHOST/PGPORT/PGUSER/PGPASSWORD ($(tail -n 1 <<<"$err"))"
}

# network_addons [SEPARATOR]: every add-on of the repository (addons/*/__manifest__.py), sorted,
# joined by SEPARATOR (default ","): the demo and the tests install all of them.
network_addons() {
    local sep="${1:-,}" manifest names=()
    for manifest in "$ROOT"/addons/*/__manifest__.py; do
        names+=("$(basename "$(dirname "$manifest")")")
    done
    (IFS="$sep"; echo "${names[*]}")
}

addons_path() {
    # A git checkout has core add-ons in both folders; a source distribution only in odoo/addons.
    local path="$ODOO_PATH/odoo/addons"
    [ ! -d "$ODOO_PATH/addons" ] || path+=",$ODOO_PATH/addons"
    echo "$path,$ROOT/addons"
}

# The database options odoo-bin and pytest-odoo get on their command line.
odoo_db_args() {
    printf '%s\n' "--db_host=$PGHOST" "--db_port=$PGPORT" "--db_user=$PGUSER"
    [ -z "${PGPASSWORD:-}" ] || printf '%s\n' "--db_password=$PGPASSWORD"
}

# odoo_command: sets the array ODOO_CMD to odoo-bin with the project's configuration
# ($ODOO_CONF, by default the repository's odoo.conf).
odoo_command() {
    local db_args
    mapfile -t db_args < <(odoo_db_args)
    ODOO_CMD=("$VENV/bin/python" "$ODOO_PATH/odoo-bin" -c "${ODOO_CONF:-$ROOT/odoo.conf}"
        --addons-path="$(addons_path)" --data-dir="$DATA_DIR" "${db_args[@]}")
}

odoo() {
    odoo_command
    "${ODOO_CMD[@]}" "$@"
}

# odoo_log_errors LOG: prints the ERROR and CRITICAL records of an Odoo log with the lines that
# follow them (tracebacks). Records start with "date time pid LEVEL db logger: message".
odoo_log_errors() {
    awk '/^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9:,]+ [0-9]+ [A-Z]+ / {
             show = ($4 == "ERROR" || $4 == "CRITICAL") }
         show' "$1"
}

# odoo_install DB MODULES LOG [ODOO ARGS…]: installs MODULES (with demo data, as odoo.conf says) on DB, creating
# it if needed; fails, showing the errors, when odoo-bin fails or logs any ERROR/CRITICAL record
# (odoo-bin exits 0 after, say, a demo XML file that does not load).
odoo_install() {
    local db="$1" modules="$2" log="$3" rc=0 errors
    shift 3
    odoo -d "$db" -i "$modules" --stop-after-init --no-http "$@" >"$log" 2>&1 || rc=$?
    errors=$(odoo_log_errors "$log")
    if [ -n "$errors" ] || [ "$rc" != 0 ]; then
        printf '%s\n' "${errors:-$(tail -n 40 "$log")}" >&2
        die "installing $modules on $db failed (exit code $rc, errors above; full log: $log)"
    fi
}

# demo_config DIR DB_MANAGER: writes DIR/odoo-demo.conf, the repository's odoo.conf for a served
# demo: HTTP on 127.0.0.1 only (NETMETH_LISTEN overrides), the database manager on only when
# DB_MANAGER is 1, and a master password generated on the first run. Only its hash is kept (in
# DIR/master-password.hash, outside the repository); the password is printed that one time.
# Prints the path of the configuration file last.
demo_config() {
    local dir="$1" db_manager="$2" hash_file conf password
    hash_file="$dir/master-password.hash"
    conf="$dir/odoo-demo.conf"
    mkdir -p "$dir"
    if [ ! -s "$hash_file" ]; then
        password=$("${VENV:-}${VENV:+/bin/}python3" -c 'import secrets; print(secrets.token_urlsafe(18))')
        (umask 077 && "${VENV:-}${VENV:+/bin/}python3" -c '
import sys
from passlib.context import CryptContext
print(CryptContext(["pbkdf2_sha512"]).hash(sys.argv[1]))' "$password" >"$hash_file")
        say "master password of the database manager (shown once, only its hash is kept in $hash_file): $password"
    fi
    {
        grep -vE '^(list_db|admin_passwd|http_interface)[[:space:]]*=' "$ROOT/odoo.conf"
        printf 'admin_passwd = %s\n' "$(cat "$hash_file")"
        printf 'list_db = %s\n' "$([ "$db_manager" = 1 ] && echo True || echo False)"
        printf 'http_interface = %s\n' "${NETMETH_LISTEN:-127.0.0.1}"
    } >"$conf"
    chmod 600 "$conf"
    echo "$conf"
}

# setup_all [chromium]
setup_all() {
    mkdir -p "$CACHE_DIR" "$DATA_DIR" "$LOG_DIR"
    # Two runs at once (CI and a developer) must not build the same virtualenv together.
    exec 9>"$CACHE_DIR/.lock"
    if command -v flock >/dev/null; then flock 9; fi
    ensure_odoo
    pick_python
    ensure_debian_packages "$@"
    ensure_venv
    exec 9>&-
    export PYTHONPATH="$ODOO_PATH${PYTHONPATH:+:$PYTHONPATH}"
}

# run_lint [--fix]: ruff and pylint-odoo (.pylintrc) on the add-ons and tests; returns non-zero
# on any finding. --fix first lets ruff fix what it can and format the code.
run_lint() (
    cd "$ROOT"
    local rc=0 addons=(addons/*/)
    if [ "${1:-}" = --fix ]; then
        ruff check --fix --quiet addons tests || true
        ruff format --quiet addons tests
    fi
    ruff check --quiet --output-format=concise addons tests || rc=1
    pylint --rcfile=.pylintrc "${addons[@]%/}" || rc=1
    return $rc
)
