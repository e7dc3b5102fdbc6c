import json
from urllib.parse import urlsplit

from jwcrypto import jwk, jws
from jwcrypto.common import json_encode

from odoo import _, api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import SQL

# The JOSE header of every credential we sign (VC-JWT of Open Badges 3.0, VC-JOSE-COSE media type)
JWT_TYPE = "vc+jwt"
JWT_ALGORITHM = "EdDSA"
DID_DOCUMENT_PATH = "/.well-known/did.json"


class NetworkCredentialKey(models.Model):
    """The company's Ed25519 keys signing its Open Badges credentials.

    Nobody has access rights on this model (no ir.model.access line grants anything): only
    the system itself, through ``sudo()`` in the methods below, reads the private part. The
    public parts of every key, current and retired, are published (JWKS and did:web document),
    so that credentials signed before a rotation stay verifiable."""

    _name = "network.credential.key"
    _description = "Credential Signing Key"
    _order = "company_id, id desc"

    name = fields.Char(
        string="Key ID",
        required=True,
        readonly=True,
        help="RFC 7638 thumbprint of the public key: the fragment of the key's id in the "
        "issuer's DID document.",
    )
    company_id = fields.Many2one("res.company", required=True, readonly=True, ondelete="restrict")
    state = fields.Selection(
        [("current", "Current"), ("retired", "Retired")],
        required=True,
        default="current",
        readonly=True,
    )
    public_jwk = fields.Text(required=True, readonly=True)
    private_jwk = fields.Text(required=True, readonly=True, copy=False)
    retire_date = fields.Datetime(readonly=True)

    _sql_constraints = [("name_uniq", "unique(name)", "Key ids must be unique.")]

    def init(self):
        self.env.cr.execute(
            SQL(
                """
                CREATE UNIQUE INDEX IF NOT EXISTS network_credential_key_current_uniq
                    ON network_credential_key (company_id) WHERE state = 'current'
                """
            )
        )

    # ------------------------------------------------------------------ identifiers
    @api.model
    def _issuer_did(self, company):
        """did:web identifier of the issuing company: the main company is the site itself
        (``did:web:host``, document at /.well-known/did.json), another company of the same
        database a path under it (document at /network/issuer/<id>/did.json)."""
        host = urlsplit(company.get_base_url()).netloc.replace(":", "%3A")
        if company == self.env.ref("base.main_company", raise_if_not_found=False):
            return f"did:web:{host}"
        return f"did:web:{host}:network:issuer:{company.id}"

    def _verification_method(self):
        self.ensure_one()
        return f"{self._issuer_did(self.company_id)}#{self.name}"

    def _public_jwk_dict(self):
        self.ensure_one()
        return {
            **json.loads(self.public_jwk),
            "kid": self._verification_method(),
            "use": "sig",
            "alg": JWT_ALGORITHM,
        }

    # ------------------------------------------------------------------ life of a key
    @api.model
    def _generate(self, company):
        key = jwk.JWK.generate(kty="OKP", crv="Ed25519")
        return self.sudo().create(
            {
                "name": key.thumbprint(),
                "company_id": company.id,
                "public_jwk": key.export_public(),
                "private_jwk": key.export_private(),
            }
        )

    @api.model
    def _lock_company(self, company):
        """Serialize the key changes of a company: an UPDATE of its row (a mere row lock would
        let a second transaction go on with a snapshot that misses the first one's key)."""
        self.env.cr.execute(
            SQL("UPDATE res_company SET write_date = write_date WHERE id = %s", company.id)
        )

    @api.model
    def _get_signing_key(self, company):
        """The company's current key, generated on first use. Returned with superuser rights:
        callers only sign with it."""
        Key = self.sudo()
        key = Key.search([("company_id", "=", company.id), ("state", "=", "current")], limit=1)
        if not key:
            # two first signings at once: the second waits here, then fails to serialize and
            # Odoo retries it, and it finds the key
            self._lock_company(company)
            key = Key.search([("company_id", "=", company.id), ("state", "=", "current")], limit=1)
            key = key or Key._generate(company)
        return key

    @api.model
    def _rotate(self, company):
        """Retire the company's current key and make a new one. Only the settings' manager
        (Administration / Settings) may; old credentials keep verifying with the retired key,
        which stays published."""
        if not (self.env.su or self.env.user.has_group("base.group_system")):
            raise AccessError(_("Only an administrator can rotate the credential signing key."))
        Key = self.sudo()
        self._lock_company(company)
        Key.search([("company_id", "=", company.id), ("state", "=", "current")]).write(
            {"state": "retired", "retire_date": fields.Datetime.now()}
        )
        Key.flush_model()
        return Key._generate(company)

    # ------------------------------------------------------------------ signing
    def _sign(self, payloads):
        """Compact JWS (VC-JWT, EdDSA) of each payload (dicts), in order. One key object for
        the whole batch: a year-end issue signs thousands."""
        self.ensure_one()
        key = jwk.JWK.from_json(self.sudo().private_jwk)
        header = json_encode(
            {"alg": JWT_ALGORITHM, "kid": self._verification_method(), "typ": JWT_TYPE}
        )
        tokens = []
        for payload in payloads:
            token = jws.JWS(json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode())
            token.add_signature(key, None, header)
            tokens.append(token.serialize(compact=True))
        return tokens

    # ------------------------------------------------------------------ publication
    @api.model
    def _published_keys(self, companies=None):
        domain = [("company_id", "in", companies.ids)] if companies is not None else []
        return self.sudo().search(domain, order="company_id, id")

    @api.model
    def _jwks(self):
        """Every public key, current and retired, of every company: a JSON Web Key Set."""
        return {"keys": [key._public_jwk_dict() for key in self._published_keys()]}

    @api.model
    def _did_document(self, company):
        """The did:web document of ``company``: its public keys as JsonWebKey verification
        methods."""
        did = self._issuer_did(company)
        keys = self._published_keys(company)
        methods = [
            {
                "id": key._verification_method(),
                "type": "JsonWebKey",
                "controller": did,
                "publicKeyJwk": json.loads(key.public_jwk),
            }
            for key in keys
        ]
        return {
            "@context": [
                "https://www.w3.org/ns/did/v1",
                "https://w3id.org/security/jwk/v1",
            ],
            "id": did,
            "verificationMethod": methods,
            "assertionMethod": [method["id"] for method in methods],
        }
