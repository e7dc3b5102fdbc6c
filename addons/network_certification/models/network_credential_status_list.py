import base64
import gzip
import random
from datetime import datetime, timezone

from odoo import api, fields, models
from odoo.tools import SQL

# W3C Bitstring Status List: 131,072 entries (16 KB) at least, so that a credential's index
# tells nothing about its holder (the spec's minimum for group privacy).
STATUS_LIST_SIZE = 131072
STATUS_LIST_PATH = "/network/credentials/status/"
_random = random.SystemRandom()


def encode_bitstring(indexes, size=STATUS_LIST_SIZE):
    """The ``encodedList`` of a Bitstring Status List: bit ``i`` (counted from the first
    byte's most significant bit) is set for each index, then GZIP, then multibase base64url
    without padding (prefix ``u``)."""
    bits = bytearray(size // 8)
    for index in indexes:
        bits[index // 8] |= 0x80 >> (index % 8)
    compressed = gzip.compress(bytes(bits), mtime=0)
    return "u" + base64.urlsafe_b64encode(compressed).decode().rstrip("=")


def decode_bitstring(encoded):
    """The bytes of an ``encodedList`` (inverse of ``encode_bitstring``)."""
    data = encoded[1:] if encoded.startswith("u") else encoded
    return gzip.decompress(base64.urlsafe_b64decode(data + "=" * (-len(data) % 4)))


def bit_is_set(bits, index):
    return bool(bits[index // 8] & (0x80 >> (index % 8)))


class NetworkCredentialStatusList(models.Model):
    """A revocation list of the company's credentials (W3C Bitstring Status List). Each issued
    certificate holds a random free index of a list; revoking the certificate sets its bit.
    The list credential is signed again after each revocation and served as stored."""

    _name = "network.credential.status.list"
    _description = "Credential Revocation List"
    _order = "company_id, id"

    company_id = fields.Many2one("res.company", required=True, readonly=True, index=True)
    size = fields.Integer(required=True, readonly=True, default=STATUS_LIST_SIZE)
    credential_jwt = fields.Text(
        string="Signed List", readonly=True, help="The signed status list credential (VC-JWT)."
    )
    revoked_count = fields.Integer(readonly=True)

    _sql_constraints = [
        (
            "size_min",
            f"CHECK(size >= {STATUS_LIST_SIZE} AND size % 8 = 0)",
            "A status list holds at least 131,072 entries.",
        )
    ]

    @api.depends("company_id")
    def _compute_display_name(self):
        for status_list in self:
            status_list.display_name = status_list._url()

    def _url(self):
        self.ensure_one()
        return self.company_id.get_base_url() + STATUS_LIST_PATH + str(self.id)

    @api.model
    def _allocate(self, company, count):
        """``count`` free (list, index) pairs of ``company``, drawn at random among the free
        indexes (lists filled in turn; a new list when they are full). Two queries per list
        touched, whatever ``count``. The lists are locked (updated) until the end of the
        transaction, and ``(status_list_id, status_list_index)`` is unique on certificates."""
        Lists = self.sudo()
        slots = []
        new_lists = Lists.browse()
        for status_list in Lists.search([("company_id", "=", company.id)]):
            if len(slots) == count:
                break
            # an UPDATE, not only a row lock: a concurrent issue waits, then fails to serialize
            # and is retried with a snapshot that sees the indexes taken here
            self.env.cr.execute(
                SQL(
                    """
                    UPDATE network_credential_status_list
                       SET write_date = now() at time zone 'UTC' WHERE id = %s
                    """,
                    status_list.id,
                )
            )
            slots += status_list._draw_free(count - len(slots))
        while len(slots) < count:
            status_list = Lists.create({"company_id": company.id})
            new_lists |= status_list
            slots += status_list._draw_free(count - len(slots))
        # a new list is published at once (no entry set yet)
        new_lists._sign_list()
        return slots

    def _draw_free(self, count):
        self.ensure_one()
        self.env["network.certificate"].flush_model(["status_list_id", "status_list_index"])
        self.env.cr.execute(
            SQL(
                "SELECT status_list_index FROM network_certificate WHERE status_list_id = %s",
                self.id,
            )
        )
        used = {index for (index,) in self.env.cr.fetchall()}
        if len(used) >= self.size:
            return []
        free = [index for index in range(self.size) if index not in used]
        return [(self.id, index) for index in _random.sample(free, min(count, len(free)))]

    def _revoked_indexes(self):
        self.ensure_one()
        self.env["network.certificate"].flush_model(
            ["status_list_id", "status_list_index", "state"]
        )
        self.env.cr.execute(
            SQL(
                """
                SELECT status_list_index FROM network_certificate
                 WHERE status_list_id = %s AND state = 'revoked'
                """,
                self.id,
            )
        )
        return [index for (index,) in self.env.cr.fetchall()]

    def _credential_payload(self, revoked):
        """The status list credential (VC 2.0, BitstringStatusListCredential)."""
        self.ensure_one()
        Key = self.env["network.credential.key"]
        issuer = Key._issuer_did(self.company_id)
        url = self._url()
        now = datetime.now(timezone.utc).replace(microsecond=0)
        return {
            "@context": ["https://www.w3.org/ns/credentials/v2"],
            "id": url,
            "type": ["VerifiableCredential", "BitstringStatusListCredential"],
            "issuer": issuer,
            "validFrom": now.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "credentialSubject": {
                "id": url + "#list",
                "type": "BitstringStatusList",
                "statusPurpose": "revocation",
                "encodedList": encode_bitstring(revoked, self.size),
            },
            # registered claims of the VC-JWT
            "iss": issuer,
            "jti": url,
            "nbf": int(now.timestamp()),
            "iat": int(now.timestamp()),
        }

    def _sign_list(self):
        """Rebuild the bitstring from the certificates revoked and sign it with the company's
        current key."""
        Key = self.env["network.credential.key"]
        for status_list in self.sudo():
            revoked = status_list._revoked_indexes()
            key = Key._get_signing_key(status_list.company_id)
            [token] = key._sign([status_list._credential_payload(revoked)])
            status_list.write({"credential_jwt": token, "revoked_count": len(revoked)})
        return True
