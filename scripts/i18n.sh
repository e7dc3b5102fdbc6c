#!/usr/bin/env bash
# Regenerates each add-on's translation template (i18n/<add-on>.pot) from a throw-away database
# and merges it into i18n/ru.po: new source strings get empty Russian entries to translate,
# strings that disappeared are dropped, existing translations are kept.
#
#   bash scripts/i18n.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

read -ra MODULES <<<"$(network_addons " ")"
DB="nm_i18n_$$"
setup_all
ensure_postgres
trap 'pg_drop_db "$DB" >/dev/null 2>&1 || true' EXIT

log="$LOG_DIR/i18n-install.log"
say "installing ${MODULES[*]} on $DB (without demo data)"
odoo_install "$DB" "$(IFS=,; echo "${MODULES[*]}")" "$log" --without-demo=all
for module in "${MODULES[@]}"; do
    pot="$ROOT/addons/$module/i18n/$module.pot"
    say "exporting $pot"
    odoo -d "$DB" --i18n-export="$pot" --modules="$module" --stop-after-init --no-http \
        >>"$log" 2>&1
    "$VENV/bin/python" - "$pot" "$ROOT/addons/$module/i18n/ru.po" <<'PY'
import sys

import polib

pot_path, po_path = sys.argv[1:]
pot = polib.pofile(pot_path, wrapwidth=78)
try:
    old = {(e.msgctxt, e.msgid): e for e in polib.pofile(po_path)}
except OSError:
    old = {}
po = polib.POFile(wrapwidth=78)
po.metadata = dict(pot.metadata, Language="ru", **{
    "Plural-Forms": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : "
    "n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
})
po.header = pot.header
missing = 0
for entry in pot:
    previous = old.get((entry.msgctxt, entry.msgid))
    entry.msgstr = previous.msgstr if previous else ""
    missing += not entry.msgstr
    po.append(entry)
po.save(po_path)
print(f"{po_path}: {len(po)} entries, {missing} to translate")
PY
done
