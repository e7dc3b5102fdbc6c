from odoo import _, http
from odoo.http import request

from odoo.addons.network_methodology.controllers.portal import NetworkPortal


class NetworkDiagnosticPortal(NetworkPortal):
    """Diagnostic campaigns in the portal: a teacher finds their invitation and, once the
    campaign is closed, their own results; a coordinator sees which of their school's teachers
    have not answered yet and the school's results. Record rules decide which campaigns and
    results exist for them."""

    def _network_diagnostics_domain(self, access):
        if access.role == "teacher":
            # the invitations are survey's answers, which portal users do not read themselves
            invited = (
                request.env["survey.user_input"]
                .sudo()
                .search(
                    [
                        ("partner_id", "=", access.partner.id),
                        ("network_diagnostic_id", "!=", False),
                    ]
                )
                .network_diagnostic_id
            )
            return [("id", "in", invited.ids)]
        return [("organization_ids", "in", access.organization.ids)]

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        Diagnostic = request.env["network.diagnostic"]
        values.update(
            self._network_counters(
                counters,
                {
                    "network_diagnostic_count": (
                        ("coordinator", "teacher"),
                        lambda a: Diagnostic.search_count(self._network_diagnostics_domain(a)),
                    )
                },
            )
        )
        return values

    def _get_network_diagnostic_searchbar_sortings(self):
        return {
            "date": {"label": _("Deadline"), "order": "deadline desc, id desc"},
            "name": {"label": _("Name"), "order": "name, id"},
        }

    @http.route(
        ["/my/network/diagnostics", "/my/network/diagnostics/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_network_diagnostics(self, page=1, sortby=None, **kw):
        access = self._network_access()
        values = self._network_list(
            "network.diagnostic",
            self._network_diagnostics_domain(access),
            "/my/network/diagnostics",
            page,
            self._get_network_diagnostic_searchbar_sortings(),
            sortby,
        )
        values.update({"page_name": "network_diagnostics", "partner": access.partner})
        return request.render("network_development.portal_my_network_diagnostics", values)

    @http.route(
        "/my/network/diagnostics/<int:diagnostic_id>",
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_network_diagnostic(self, diagnostic_id, **kw):
        access = self._network_access()
        diagnostic = self._network_record("network.diagnostic", diagnostic_id)
        # results as the portal user: the record rules keep them to one's own or one's school's
        results = request.env["network.diagnostic.result"].search(
            [("diagnostic_id", "=", diagnostic.id)]
            + (
                [("partner_id", "=", access.partner.id)]
                if access.role == "teacher"
                else [("organization_id", "=", access.organization.id)]
            )
        )
        participation = own_answer = None
        if access.role == "coordinator" and access.organization in diagnostic.organization_ids:
            participation = diagnostic._participation(access.organization)
        if access.role == "teacher":
            own_answer = (
                request.env["survey.user_input"]
                .sudo()
                .search(
                    [
                        ("network_diagnostic_id", "=", diagnostic.id),
                        ("partner_id", "=", access.partner.id),
                    ],
                    order="id desc",
                    limit=1,
                )
            )
        values = self._network_page_values(
            diagnostic,
            None,
            {
                "page_name": "network_diagnostic",
                "diagnostic": diagnostic,
                "results": results,
                "participation": participation,
                "own_answer": own_answer,
                "role": access.role,
            },
        )
        return request.render("network_development.portal_my_network_diagnostic", values)
