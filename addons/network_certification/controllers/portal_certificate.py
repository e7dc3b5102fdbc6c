from werkzeug.exceptions import NotFound

from odoo import _, http
from odoo.http import request

from odoo.addons.network_methodology.controllers.portal import NetworkPortal

from ..models.network_certificate import TEACHER_KINDS

CERTIFICATE_REPORT = "network_certification.action_report_network_certificate"
ACTIVITY_CARD_REPORT = "network_certification.action_report_activity_card"
# Drafts are the centre's work in progress: the portal never shows them.
SHOWN_STATES = ("issued", "revoked")


class NetworkCertificatePortal(NetworkPortal):
    """Certificates in the portal: a teacher reads and downloads their own certificates and
    activity card; a coordinator reads the «Network platform» certificates of their
    organization. The record rule ``network_certificate_rule_portal`` decides what exists for
    them; the domain below only repeats it for the lists and the counter."""

    def _network_certificates_domain(self, access):
        if access.role == "coordinator":
            holder = [
                ("partner_id", "=", access.organization.id),
                ("certificate_kind", "=", "platform"),
            ]
        else:
            holder = [("partner_id", "=", access.partner.id)]
        return [*holder, ("state", "in", SHOWN_STATES)]

    def _network_certification_progress(self, partners):
        """The current school year's certificate in sight for ``partners``: the window of
        school years, each one's progress, and the thresholds."""
        year = request.env["network.school.year"].sudo()._get_current()
        if not year:
            return {}
        window, progress = (
            request.env["network.activity.token"].sudo()._certification_progress(year, partners.ids)
        )
        company = request.env.company
        return {
            "certification_window": window.sorted("date_start"),
            "certification_progress": progress,
            "certification_min_tokens": company.network_cert_min_tokens,
            "certification_min_red": company.network_cert_min_red_tokens,
            "certification_kinds": dict(
                request.env["network.certificate"]
                ._fields["certificate_kind"]
                ._description_selection(request.env)
            ),
        }

    def _network_teachers_values(self, organization):
        """Also each teacher's certificates issued and in sight, and the organization's facts
        of the «Network platform» rule this school year."""
        values = super()._network_teachers_values(organization)
        values.update(self._network_certification_progress(values["teachers"]))
        values["certificates_issued"] = dict(
            request.env["network.certificate"]
            .sudo()
            ._read_group(
                [
                    ("partner_id", "in", values["teachers"].ids),
                    ("state", "=", "issued"),
                    ("certificate_kind", "in", TEACHER_KINDS),
                ],
                ["partner_id"],
                ["__count"],
            )
        )
        year = values.get("school_year")
        if year:
            Decision = request.env["network.council.decision"].sudo()
            facts = Decision._get_platform_facts(year, organization.ids)
            values["platform_facts"] = facts.get(organization.id) or {
                "offer_count": 0,
                "event_count": 0,
                "network_teacher_count": 0,
                "has_agreement": bool(organization.network_cooperation_agreement_id),
            }
            values["platform_min_teachers"] = request.env.company.network_platform_min_teachers
        return values

    def _network_card_values(self, teacher):
        values = super()._network_card_values(teacher)
        values.update(self._network_certification_progress(teacher))
        return values

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        Certificate = request.env["network.certificate"]
        values.update(
            self._network_counters(
                counters,
                {
                    "network_certificate_count": (
                        ("coordinator", "teacher"),
                        lambda a: Certificate.search_count(self._network_certificates_domain(a)),
                    )
                },
            )
        )
        return values

    def _get_network_certificate_searchbar_sortings(self):
        return {
            "date": {"label": _("Newest"), "order": "issue_date desc, id desc"},
            "year": {"label": _("School Year"), "order": "school_year_id, id desc"},
            "name": {"label": _("Number"), "order": "name desc"},
        }

    def _get_network_certificate_searchbar_filters(self):
        return {
            "all": {"label": _("All"), "domain": []},
            "issued": {"label": _("Valid"), "domain": [("state", "=", "issued")]},
            "revoked": {"label": _("Revoked"), "domain": [("state", "=", "revoked")]},
        }

    @http.route(
        ["/my/network/certificates", "/my/network/certificates/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_network_certificates(self, page=1, sortby=None, filterby=None, search=None, **kw):
        access = self._network_access()
        values = self._network_list(
            "network.certificate",
            self._network_certificates_domain(access),
            "/my/network/certificates",
            page,
            self._get_network_certificate_searchbar_sortings(),
            sortby,
            self._network_search_inputs(("name", _("Number"), "name")),
            "name",
            search,
            self._get_network_certificate_searchbar_filters(),
            filterby,
        )
        values.update(
            {"page_name": "network_certificates", "organization": access.coordinated.sudo()}
        )
        return request.render("network_certification.portal_my_network_certificates", values)

    @http.route(
        "/my/network/certificates/<int:certificate_id>",
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_network_certificate(self, certificate_id, **kw):
        # no access token: certificates are not shared by link (the public verification
        # page is the way to show one to somebody else)
        self._network_access()
        certificate = self._network_record("network.certificate", certificate_id)
        values = self._prepare_portal_layout_values()
        values.update({"page_name": "network_certificate", "certificate": certificate})
        return request.render("network_certification.portal_my_network_certificate", values)

    @http.route(
        "/my/network/certificates/<int:certificate_id>/pdf",
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_network_certificate_pdf(self, certificate_id, **kw):
        self._network_access()
        certificate = self._network_record("network.certificate", certificate_id)
        # a revoked certificate is no longer a document to hand over: its page says so
        if certificate.state != "issued":
            raise NotFound()
        return self._show_report(
            model=certificate, report_type="pdf", report_ref=CERTIFICATE_REPORT, download=True
        )

    @http.route(
        "/my/network/certificates/<int:certificate_id>/name_shown",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_network_certificate_name_shown(self, certificate_id, shown=None, **kw):
        """The teacher decides whether the public verification page shows their name."""
        self._network_access("teacher")
        certificate = self._network_record("network.certificate", certificate_id)
        return self._network_run(
            certificate,
            certificate.action_set_name_shown,
            shown == "1",
            success=_("Your choice is saved."),
            url=f"/my/network/certificates/{certificate.id}",
        )

    @http.route("/my/network/card/pdf", type="http", auth="user", website=True, readonly=True)
    def portal_network_card_pdf(self, **kw):
        teacher = self._network_access("teacher").partner
        return self._show_report(
            model=teacher.sudo(), report_type="pdf", report_ref=ACTIVITY_CARD_REPORT, download=True
        )
