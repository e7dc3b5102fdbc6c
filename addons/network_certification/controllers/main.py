from odoo import http
from odoo.http import request

from ..models.network_certificate import ISSUED_STATES

CODE_LENGTHS = range(20, 65)


class NetworkCertificateVerification(http.Controller):
    @http.route(
        "/network/certificate/verify/<string:code>",
        type="http",
        auth="public",
        sitemap=False,
        readonly=True,
    )
    def verify_certificate(self, code, **kwargs):
        """Public check of a printed certificate: the fields it prints and whether it is
        valid or revoked — nothing else about the holder. Drafts and unknown codes get the
        same "not found" answer."""
        Certificate = request.env["network.certificate"].sudo()
        certificate = Certificate
        if len(code) in CODE_LENGTHS:
            certificate = Certificate.search(
                [("verification_code", "=", code), ("state", "in", ISSUED_STATES)],
                limit=1,
            )
        # the page speaks the language of the issuing centre
        lang = certificate.company_id.partner_id.lang
        if lang and request.env["res.lang"]._get_data(code=lang).active:
            request.update_context(lang=lang)
        return request.render(
            "network_certification.certificate_verification_page",
            {"certificate": certificate.with_context(lang=request.env.lang)},
            status=200 if certificate else 404,
            headers={"X-Robots-Tag": "noindex", "Cache-Control": "no-store"},
        )
