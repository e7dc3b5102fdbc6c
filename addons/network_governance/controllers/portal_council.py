from odoo import _, http
from odoo.http import request

from odoo.addons.network_methodology.controllers.portal import NetworkPortal


class NetworkCouncilPortal(NetworkPortal):
    """The councils a coordinator or teacher is a member of, with their members and
    meetings. The record rules give each council to its members only: the person, not their
    organization."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        Council = request.env["network.council"]
        values.update(
            self._network_counters(
                counters,
                {
                    "network_council_count": (
                        ("coordinator", "teacher"),
                        lambda a: Council.search_count([]),
                    )
                },
            )
        )
        return values

    def _get_network_council_searchbar_sortings(self):
        return {
            "name": {"label": _("Name"), "order": "name"},
            "kind": {"label": _("Kind"), "order": "council_kind, name"},
        }

    @http.route(
        ["/my/network/councils", "/my/network/councils/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_network_councils(self, page=1, sortby=None, search=None, **kw):
        access = self._network_access()
        values = self._network_list(
            "network.council",
            [],
            "/my/network/councils",
            page,
            self._get_network_council_searchbar_sortings(),
            sortby,
            self._network_search_inputs(("name", _("Name"), "name")),
            "name",
            search,
        )
        values.update({"page_name": "network_councils", "partner": access.partner})
        return request.render("network_governance.portal_my_network_councils", values)

    @http.route(
        "/my/network/councils/<int:council_id>",
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_network_council(self, council_id, **kw):
        access = self._network_access()
        council = self._network_record("network.council", council_id)
        meetings = council.meeting_ids.filtered(lambda m: m.state != "cancelled")
        values = self._network_page_values(
            council,
            None,
            {
                "page_name": "network_council",
                "council": council,
                "meetings": meetings,
                "partner": access.partner,
            },
        )
        return request.render("network_governance.portal_my_network_council", values)
