from werkzeug.exceptions import NotFound

from odoo import _, http
from odoo.http import request

from odoo.addons.network_methodology.controllers.portal import NetworkPortal

CERTIFICATE_REPORT = "network_certification.action_report_network_certificate"
ACTIVITY_CARD_REPORT = "network_certification.action_report_activity_card"
# Drafts are the centre's work in progress: the portal never shows them.
SHOWN_STATES = ("issued", "revoked")


class NetworkCertificationPortal(NetworkPortal):
    """Certificates in the portal: a teacher reads and downloads their own certificates and
    activity card; a coordinator reads the «Network platform» certificates of their
    organization. The record rule ``network_certificate_rule_portal`` decides what exists for
    them; the domain below only repeats it for the lists and the counter."""

    def _certificates_domain(self, partner, org):
        if org:
            holder = [("partner_id", "=", org.id), ("certificate_kind", "=", "platform")]
        elif partner.is_teacher:
            holder = [("partner_id", "=", partner.id)]
        else:
            return [("id", "=", False)]
        return [*holder, ("state", "in", SHOWN_STATES)]

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "network_certificate_count" in counters:
            partner = self._network_partner()
            org = partner._network_coordinated_organization()
            if org or partner.is_teacher:
                values["network_certificate_count"] = request.env[
                    "network.certificate"
                ].search_count(self._certificates_domain(partner, org))
        return values

    @http.route(
        ["/my/network/certificates", "/my/network/certificates/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_network_certificates(self, page=1, sortby=None, filterby=None, search=None, **kw):
        partner, org = self._network_member()
        values = self._network_list(
            "network.certificate",
            self._certificates_domain(partner, org),
            "/my/network/certificates",
            page,
            {
                "date": {"label": _("Newest"), "order": "issue_date desc, id desc"},
                "year": {"label": _("School Year"), "order": "school_year_id, id desc"},
                "name": {"label": _("Number"), "order": "name desc"},
            },
            sortby,
            self._inputs(("name", _("Number"), "name")),
            "name",
            search,
            {
                "all": {"label": _("All"), "domain": []},
                "issued": {"label": _("Valid"), "domain": [("state", "=", "issued")]},
                "revoked": {"label": _("Revoked"), "domain": [("state", "=", "revoked")]},
            },
            filterby,
        )
        values.update({"page_name": "network_certificates", "organization": org.sudo()})
        return request.render("network_certification.portal_my_network_certificates", values)

    @http.route(
        "/my/network/certificates/<int:certificate_id>", type="http", auth="user", website=True
    )
    def portal_network_certificate(self, certificate_id, **kw):
        # no access token: certificates are not shared by link (the public verification
        # page is the way to show one to somebody else)
        certificate = self._network_record("network.certificate", certificate_id)
        values = self._prepare_portal_layout_values()
        values.update({"page_name": "network_certificate", "certificate": certificate})
        return request.render("network_certification.portal_my_network_certificate", values)

    @http.route(
        "/my/network/certificates/<int:certificate_id>/pdf",
        type="http",
        auth="user",
        website=True,
    )
    def portal_network_certificate_pdf(self, certificate_id, **kw):
        certificate = self._network_record("network.certificate", certificate_id)
        # a revoked certificate is no longer a document to hand over: its page says so
        if certificate.state != "issued":
            raise NotFound()
        return self._show_report(
            model=certificate, report_type="pdf", report_ref=CERTIFICATE_REPORT, download=True
        )

    @http.route("/my/network/card/pdf", type="http", auth="user", website=True)
    def portal_network_card_pdf(self, **kw):
        teacher = self._network_teacher()
        return self._show_report(
            model=teacher.sudo(), report_type="pdf", report_ref=ACTIVITY_CARD_REPORT, download=True
        )
