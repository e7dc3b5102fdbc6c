from odoo import _, http
from odoo.http import request

from odoo.addons.network_methodology.controllers.portal import NetworkPortal

# How many of its own results a school sees on its pairing page.
RESULTS_SHOWN = 100


class NetworkSchoolPairPortal(NetworkPortal):
    """Pairing of schools in the portal, for coordinators: their school's results of the
    assessment procedures and the pairs their school is in, with the joint events and the log
    of targeted help of those pairs. The record rules decide what exists for them: never another
    school's results, never another pair's help."""

    def _network_school_pairs_domain(self, access):
        organization = access.organization
        return ["|", ("strong_id", "=", organization.id), ("weak_id", "=", organization.id)]

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        Pair = request.env["network.school.pair"]
        values.update(
            self._network_counters(
                counters,
                {
                    "network_school_pair_count": (
                        ("coordinator",),
                        lambda a: Pair.search_count(self._network_school_pairs_domain(a)),
                    )
                },
            )
        )
        return values

    def _get_network_school_pairs_searchbar_sortings(self):
        return {
            "year": {"label": _("Newest"), "order": "school_year_id desc, id desc"},
            "state": {"label": _("Status"), "order": "state, id desc"},
        }

    @http.route(
        ["/my/network/pairs", "/my/network/pairs/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_network_school_pairs(self, page=1, sortby=None, **kw):
        access = self._network_access("coordinator")
        values = self._network_list(
            "network.school.pair",
            self._network_school_pairs_domain(access),
            "/my/network/pairs",
            page,
            self._get_network_school_pairs_searchbar_sortings(),
            sortby,
        )
        results = request.env["network.assessment.result"].search(
            [("organization_id", "=", access.organization.id)],
            order="school_year_id desc, id desc",
            limit=RESULTS_SHOWN,
        )
        values.update(
            {
                "page_name": "network_school_pairs",
                "organization": access.organization,
                "results": results,
            }
        )
        return request.render("network_school_pairing.portal_my_network_school_pairs", values)

    @http.route(
        "/my/network/pairs/<int:pair_id>", type="http", auth="user", website=True, readonly=True
    )
    def portal_network_school_pair(self, pair_id, **kw):
        access = self._network_access("coordinator")
        pair = self._network_record("network.school.pair", pair_id)
        # read as the user: the record rules show the help of their own pairs only
        helps = request.env["network.help.record"].search(
            [("pair_id", "=", pair.id)], order="date desc, id desc"
        )
        own_result = request.env["network.assessment.result"].search(
            [
                ("assessment_id", "=", pair.assessment_id.id),
                ("organization_id", "=", access.organization.id),
            ],
            limit=1,
        )
        values = self._network_page_values(
            pair,
            None,
            {
                "page_name": "network_school_pair",
                "pair": pair,
                "organization": access.organization,
                "own_result": own_result,
                "helps": helps.sudo(),
                "events": pair.event_ids.sorted("date_begin"),
            },
        )
        return request.render("network_school_pairing.portal_my_network_school_pair", values)
