# Shared set-up for scripts/demo.sh and scripts/test.sh: finds (or fetches) Odoo 18,
# builds a virtualenv with Odoo's and the project's requirements, installs the Debian
# packages the product needs. Sourced, not executed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ODOO_PATH="${ODOO_PATH:-/opt/odoo18}"
ODOO_UPSTREAM="${ODOO_UPSTREAM:-https://github.com/odoo/odoo.git}"
CACHE_DIR="${NETMETH_CACHE:-$HOME/.cache/network-methodology}"
PYTHON="${PYTHON:-python3}"
# PostgreSQL: the local server by default; PGHOST/PGPORT/PGUSER/PGPASSWORD point elsewhere.
export PGHOST="${PGHOST:-/var/run/postgresql}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-$(id -un)}"

say() { printf '\033[1m[netmeth]\033[0m %s\n' "$*" >&2; }
die() { printf '[netmeth] ERROR: %s\n' "$*" >&2; exit 1; }

is_odoo18_tree() {
    [ -x "$1/odoo-bin" ] || [ -f "$1/odoo-bin" ] || return 1
    grep -qE "^version_info = \(18, 0" "$1/odoo/release.py" 2>/dev/null
}

ensure_odoo() {
    if is_odoo18_tree "$ODOO_PATH"; then
        return
    fi
    local clone="$CACHE_DIR/odoo-18.0"
    if ! is_odoo18_tree "$clone"; then
        command -v git >/dev/null || die "git is missing and no Odoo 18 tree at $ODOO_PATH: install git or set ODOO_PATH"
        say "no Odoo 18 tree at $ODOO_PATH; cloning Odoo 18.0 from $ODOO_UPSTREAM (about 1 GB)"
        rm -rf "$clone.part"
        git clone --quiet --depth 1 --branch 18.0 "$ODOO_UPSTREAM" "$clone.part" 2>/dev/null \
            || die "no Odoo 18 tree at $ODOO_PATH and $ODOO_UPSTREAM is unreachable: set ODOO_PATH to an Odoo 18.0 source tree"
        mv "$clone.part" "$clone"
    fi
    ODOO_PATH="$clone"
}

ensure_debian_packages() {
    command -v apt-get >/dev/null || return 0
    local missing=()
    for pair in "wkhtmltopdf:wkhtmltopdf" "pg_config:libpq-dev" "chromium:chromium"; do
        command -v "${pair%%:*}" >/dev/null || missing+=("${pair#*:}")
    done
    [ -f /usr/include/ldap.h ] || missing+=(libldap2-dev)
    [ -f /usr/include/sasl/sasl.h ] || missing+=(libsasl2-dev)
    [ ${#missing[@]} -eq 0 ] && return
    [ "$(id -u)" = 0 ] || die "missing Debian packages: ${missing[*]} (install them as root)"
    say "installing Debian packages: ${missing[*]}"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

ensure_venv() {
    # One virtualenv per (Python, Odoo requirements, project requirements): reused across clones.
    local key
    key=$( { "$PYTHON" --version; cat "$ODOO_PATH/requirements.txt" "$ROOT/requirements.txt"; } | sha1sum | cut -c1-12)
    VENV="$CACHE_DIR/venv-$key"
    if [ ! -f "$VENV/.complete" ]; then
        say "creating virtualenv $VENV"
        rm -rf "$VENV"
        "$PYTHON" -m venv "$VENV"
        "$VENV/bin/pip" install -q --upgrade pip wheel "setuptools<75"
        # cbor2 5.4.2 (Odoo's pin for Python < 3.12) no longer builds with current setuptools.
        sed -E 's/^cbor2==5\.4\.2.*/cbor2==5.6.2/' "$ODOO_PATH/requirements.txt" > "$VENV/odoo-requirements.txt"
        "$VENV/bin/pip" install -q -r "$VENV/odoo-requirements.txt" -r "$ROOT/requirements.txt"
        touch "$VENV/.complete"
    fi
    export PATH="$VENV/bin:$PATH"
}

addons_path() {
    echo "$ODOO_PATH/odoo/addons,$ODOO_PATH/addons,$ROOT/addons"
}

odoo() {
    "$VENV/bin/python" "$ODOO_PATH/odoo-bin" -c "$ROOT/odoo.conf" --addons-path="$(addons_path)" \
        --db_host="$PGHOST" --db_port="$PGPORT" --db_user="$PGUSER" ${PGPASSWORD:+--db_password="$PGPASSWORD"} "$@"
}

setup_all() {
    mkdir -p "$CACHE_DIR"
    ensure_odoo
    ensure_debian_packages
    ensure_venv
    export PYTHONPATH="$ODOO_PATH${PYTHONPATH:+:$PYTHONPATH}"
}
