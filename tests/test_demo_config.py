"""The served demo (scripts/demo.sh) exposes no database manager with a known password.

Runs the script's own function that writes the demo's Odoo configuration (security issue 9,
finding 8: odoo.conf had list_db = True with a master password in the repository)."""

import configparser
import re
import subprocess
import sys
from pathlib import Path

from passlib.context import CryptContext

ROOT = Path(__file__).resolve().parent.parent


def _demo_config(data_dir, db_manager, **env):
    result = subprocess.run(
        ["bash", "-c", 'source scripts/lib.sh && demo_config "$1" "$2"', "_", data_dir, db_manager],
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "HOME": str(data_dir), "VENV": sys.prefix, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    options = configparser.ConfigParser()
    options.read(result.stdout.strip().splitlines()[-1])
    return options["options"], result.stderr


def test_repository_config_has_no_database_manager():
    options = configparser.ConfigParser()
    options.read(ROOT / "odoo.conf")
    assert options["options"]["list_db"] == "False"
    assert "admin_passwd" not in options["options"]


def test_demo_listens_locally_with_a_generated_master_password(tmp_path):
    first, printed = _demo_config(tmp_path, "0")
    assert first["list_db"] == "False"
    assert first["http_interface"] == "127.0.0.1"
    password = re.search(r"shown once.*: (\S+)$", printed, re.M).group(1)
    assert CryptContext(["pbkdf2_sha512"]).verify(password, first["admin_passwd"])
    assert password not in (tmp_path / "odoo-demo.conf").read_text()
    # the next runs keep it and do not print it again; the manager opens only when asked
    second, printed = _demo_config(tmp_path, "1")
    assert second["admin_passwd"] == first["admin_passwd"]
    assert second["list_db"] == "True"
    assert "shown once" not in printed
    opened, _printed = _demo_config(tmp_path, "0", NETMETH_LISTEN="0.0.0.0")
    assert opened["http_interface"] == "0.0.0.0"
