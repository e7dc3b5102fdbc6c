from odoo import _, http
from odoo.http import request

from .portal import NetworkPortal


class NetworkAgreementPortal(NetworkPortal):
    """A coordinator's agreements with the centre and other organizations."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        Agreement = request.env["network.agreement"]
        values.update(
            self._network_counters(
                counters,
                {
                    "network_agreement_count": (
                        ("coordinator",),
                        lambda a: Agreement.search_count([]),
                    )
                },
            )
        )
        return values

    def _get_network_agreement_searchbar_sortings(self):
        return {
            "date": {"label": _("Newest"), "order": "date_start desc, id desc"},
            "name": {"label": _("Number"), "order": "name"},
            "state": {"label": _("Status"), "order": "state, id desc"},
        }

    def _get_network_agreement_searchbar_inputs(self):
        return self._network_search_inputs(
            ("name", _("Number"), "name"), ("subject", _("Subject"), "subject")
        )

    @http.route(
        ["/my/network/agreements", "/my/network/agreements/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_network_agreements(self, page=1, sortby=None, search_in=None, search=None, **kw):
        self._network_access("coordinator")
        values = self._network_list(
            "network.agreement",
            [],
            "/my/network/agreements",
            page,
            self._get_network_agreement_searchbar_sortings(),
            sortby,
            self._get_network_agreement_searchbar_inputs(),
            search_in,
            search,
        )
        values["page_name"] = "network_agreements"
        return request.render("network_methodology.portal_my_network_agreements", values)

    @http.route("/my/network/agreements/<int:agreement_id>", type="http", auth="user", website=True)
    def portal_network_agreement(self, agreement_id, access_token=None, **kw):
        if not access_token:
            self._network_access("coordinator")
        agreement = self._network_record("network.agreement", agreement_id, access_token)
        values = self._network_page_values(
            agreement, access_token, {"page_name": "network_agreement", "agreement": agreement}
        )
        return request.render("network_methodology.portal_my_network_agreement", values)
