#!/usr/bin/env bash
# Lints the add-ons and tests as scripts/test.sh does: ruff (pyproject.toml) and pylint-odoo
# (.pylintrc). `bash scripts/lint.sh --fix` first applies ruff's fixes and formatting.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
setup_all
run_lint "$@" && say "lint: no findings"
