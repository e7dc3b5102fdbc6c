import json

from werkzeug.exceptions import NotFound

from odoo import http
from odoo.http import request

from ..models.network_certificate import ISSUED_STATES, JWT_CLAIMS, jwt_payload
from .main import CODE_LENGTHS

JWT_MEDIA_TYPE = "application/vc+jwt"
JSON_MEDIA_TYPE = "application/ld+json"
PUBLIC_HEADERS = [
    ("Access-Control-Allow-Origin", "*"),
    ("X-Robots-Tag", "noindex"),
]


def _wants_jwt(format_):
    if format_:
        return format_ == "jwt"
    accept = request.httprequest.headers.get("Accept", "")
    return JWT_MEDIA_TYPE in accept


def _json_response(data, filename=None, cache="no-store"):
    headers = [*PUBLIC_HEADERS, ("Content-Type", JSON_MEDIA_TYPE + "; charset=utf-8")]
    headers.append(("Cache-Control", cache))
    if filename:
        headers.append(("Content-Disposition", f'attachment; filename="{filename}.json"'))
    body = json.dumps(data, ensure_ascii=False, indent=2)
    return request.make_response(body, headers=headers)


def _jwt_response(token, filename=None):
    headers = [*PUBLIC_HEADERS, ("Content-Type", JWT_MEDIA_TYPE), ("Cache-Control", "no-store")]
    if filename:
        headers.append(("Content-Disposition", f'attachment; filename="{filename}.jwt"'))
    return request.make_response(token, headers=headers)


class NetworkCredentials(http.Controller):
    """Public Open Badges 3.0 routes: a certificate's credential, the revocation lists and the
    issuer's public keys. Everything is served as stored at issue (nothing is signed per
    request)."""

    def _credential_certificate(self, code):
        """The issued (or revoked) certificate of ``code`` that has a credential; 404 for
        drafts and unknown codes."""
        certificate = request.env["network.certificate"].sudo()
        if len(code) in CODE_LENGTHS:
            certificate = certificate.search(
                [("verification_code", "=", code), ("state", "in", ISSUED_STATES)], limit=1
            )
        if not certificate or not certificate.credential_jwt:
            raise NotFound()
        return certificate

    @http.route(
        "/network/certificate/<string:code>/credential",
        type="http",
        auth="public",
        methods=["GET"],
        sitemap=False,
        readonly=True,
    )
    def certificate_credential(self, code, format=None, download=None, **kwargs):  # noqa: A002
        """The certificate's credential: JSON-LD, or the signed VC-JWT when asked with
        ``Accept: application/vc+jwt`` (or ``?format=jwt``). Drafts and unknown codes: 404."""
        certificate = self._credential_certificate(code)
        filename = (certificate.name or "credential").replace("/", "-") if download else None
        if _wants_jwt(format):
            return _jwt_response(certificate.credential_jwt, filename)
        return _json_response(certificate._credential_json(), filename)

    @http.route(
        "/network/certificate/<string:code>/credential.png",
        type="http",
        auth="public",
        methods=["GET"],
        sitemap=False,
        readonly=True,
    )
    def certificate_credential_png(self, code, download=None, **kwargs):
        """The badge image with the signed credential baked in (Open Badges 3.0 baking)."""
        certificate = self._credential_certificate(code)
        headers = [*PUBLIC_HEADERS, ("Content-Type", "image/png"), ("Cache-Control", "no-store")]
        if download:
            filename = (certificate.name or "badge").replace("/", "-")
            headers.append(("Content-Disposition", f'attachment; filename="{filename}.png"'))
        return request.make_response(certificate._credential_baked_png(), headers=headers)

    @http.route(
        "/network/credentials/status/<int:list_id>",
        type="http",
        auth="public",
        methods=["GET"],
        sitemap=False,
        readonly=True,
    )
    def credential_status_list(self, list_id, format=None, **kwargs):  # noqa: A002
        """A revocation list (Bitstring Status List credential), signed: the VC-JWT with
        ``Accept: application/vc+jwt``, its JSON-LD payload otherwise."""
        status_list = request.env["network.credential.status.list"].sudo().browse(list_id)
        if not status_list.exists() or not status_list.credential_jwt:
            raise NotFound()
        if _wants_jwt(format):
            return _jwt_response(status_list.credential_jwt)
        data = jwt_payload(status_list.credential_jwt)
        return _json_response({k: v for k, v in data.items() if k not in JWT_CLAIMS})

    @http.route(
        "/network/credentials/keys.json",
        type="http",
        auth="public",
        methods=["GET"],
        sitemap=False,
        readonly=True,
    )
    def credential_keys(self, **kwargs):
        """The public keys of every issuer of this site, current and retired (JWKS)."""
        jwks = request.env["network.credential.key"]._jwks()
        return _json_response(jwks, cache="public, max-age=300")

    @http.route(
        ["/.well-known/did.json", "/network/issuer/<int:company_id>/did.json"],
        type="http",
        auth="public",
        methods=["GET"],
        sitemap=False,
        readonly=True,
    )
    def issuer_did_document(self, company_id=None, **kwargs):
        """The did:web document of the main company (/.well-known/did.json) or of another
        company of the database."""
        Company = request.env["res.company"].sudo()
        if company_id is None:
            company = request.env.ref("base.main_company", raise_if_not_found=False)
        else:
            company = Company.browse(company_id).exists()
            if company == request.env.ref("base.main_company", raise_if_not_found=False):
                company = Company  # the main company's document is the site's own
        if not company:
            raise NotFound()
        document = request.env["network.credential.key"]._did_document(company.sudo())
        return _json_response(document, cache="public, max-age=300")
