"""Independent check of our Open Badges 3.0 credentials with openbadgeslib (PyPI), which is not
ours: it verifies the VC-JWT against the issuer's did:web document, the OB 3.0 structure and the
registered claims, and reads the credential's revocation list.

openbadgeslib needs cryptography >= 50, Odoo 18 pins cryptography 3.4.8: it cannot live in the
Odoo virtualenv, so this is a script for a separate one, fed with what the site serves::

    python3 -m venv /tmp/obvenv && /tmp/obvenv/bin/pip install openbadgeslib==4.6.3 "pyld>=3.3,<4"
    /tmp/obvenv/bin/python addons/network_certification/tests/verify_openbadgeslib.py \\
        http://localhost:8069 <verification code> [<revoked verification code>]

It fetches the credential (JWT), the did:web document and the status list from the running
server and maps the did:web URL (https://host/.well-known/did.json) onto the server's address.
It also expands the JSON-LD form in pyld's safe mode with the contexts openbadgeslib bundles
(W3C VC 2.0, OB 3.0.3): a term the contexts do not define would fail.
Not collected by pytest or Odoo (not a test_ module, not imported by tests/__init__.py).
"""

import json
import sys
import urllib.request
from urllib.parse import urlsplit

from openbadgeslib.ob3.verifier import OB3Verifier


def main(base_url, code, revoked_code=None):
    def download(url, *args, **kwargs):
        # did:web resolves to https://<host>/...: the test server speaks plain HTTP
        parts = urlsplit(url)
        local = base_url + parts.path + (f"?{parts.query}" if parts.query else "")
        request = urllib.request.Request(local, headers={"Accept": "application/vc+jwt"})
        with urllib.request.urlopen(request) as response:  # noqa: S310 - the given server only
            return response.read()

    def credential(code):
        request = urllib.request.Request(
            f"{base_url}/network/certificate/{code}/credential",
            headers={"Accept": "application/vc+jwt"},
        )
        with urllib.request.urlopen(request) as response:  # noqa: S310
            return response.read().decode()

    token = credential(code)
    import jwt  # openbadgeslib's own dependency (PyJWT), only to read the issuer

    issuer = jwt.decode(token, options={"verify_signature": False})["iss"]
    verifier = OB3Verifier.for_issuer_did(issuer, download=download)
    checked = verifier.verify(token, check_status=True, verify_status_list=True, download=download)
    sys.stdout.write(f"valid: {checked.id} — {checked.name}\n")
    from openbadgeslib.ob3 import contexts
    from pyld import jsonld

    with urllib.request.urlopen(f"{base_url}/network/certificate/{code}/credential") as response:  # noqa: S310
        document = json.loads(response.read())
    jsonld.expand(document, {"documentLoader": contexts.document_loader(), "safeMode": True})
    sys.stdout.write("JSON-LD form expands in safe mode\n")
    tampered = token.split(".")
    tampered[1] = tampered[1][:-2] + ("A" if tampered[1][-2] != "A" else "B") + tampered[1][-1]
    try:
        verifier.verify(".".join(tampered))
    except Exception as error:  # noqa: BLE001 - any refusal is the expected outcome
        sys.stdout.write(f"tampered token refused: {type(error).__name__} {error}\n")
    else:
        raise SystemExit("a tampered token verified")
    if revoked_code:
        try:
            verifier.verify(
                credential(revoked_code),
                check_status=True,
                verify_status_list=True,
                download=download,
            )
        except Exception as error:  # noqa: BLE001
            sys.stdout.write(f"revoked credential refused: {type(error).__name__} {error}\n")
        else:
            raise SystemExit("a revoked credential verified")


if __name__ == "__main__":
    main(*sys.argv[1:])
