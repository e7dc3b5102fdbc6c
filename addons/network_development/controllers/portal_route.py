from werkzeug.exceptions import Forbidden, NotFound

from odoo import _, http
from odoo.http import request

from odoo.addons.network_methodology.controllers.portal import NetworkPortal


class NetworkRoutePortal(NetworkPortal):
    """Individual educational routes in the portal: a teacher reads, agrees and follows their
    own route and may swap a planned step for another developing the same competence; a
    coordinator follows their school's teachers' routes. Record rules decide what exists."""

    def _network_routes_domain(self, access):
        if access.role == "teacher":
            return [("partner_id", "=", access.partner.id)]
        return [("organization_id", "=", access.organization.id)]

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        Route = request.env["network.route"]
        values.update(
            self._network_counters(
                counters,
                {
                    "network_route_count": (
                        ("coordinator", "teacher"),
                        lambda a: Route.search_count(self._network_routes_domain(a)),
                    )
                },
            )
        )
        return values

    def _get_network_route_searchbar_sortings(self):
        return {
            "date": {"label": _("Newest"), "order": "id desc"},
            "state": {"label": _("Status"), "order": "state, id desc"},
        }

    @http.route(
        ["/my/network/routes", "/my/network/routes/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_network_routes(self, page=1, sortby=None, filterby=None, **kw):
        access = self._network_access()
        values = self._network_list(
            "network.route",
            self._network_routes_domain(access),
            "/my/network/routes",
            page,
            self._get_network_route_searchbar_sortings(),
            sortby,
            filters=self._network_state_filters("network.route"),
            filterby=filterby,
        )
        values.update({"page_name": "network_routes", "partner": access.partner})
        return request.render("network_development.portal_my_network_routes", values)

    @http.route(
        "/my/network/routes/<int:route_id>", type="http", auth="user", website=True, readonly=True
    )
    def portal_network_route(self, route_id, **kw):
        access = self._network_access()
        route = self._network_record("network.route", route_id)
        own = access.role == "teacher" and route.partner_id == access.partner
        lines = route.line_ids
        can_change = own and route.state in ("draft", "agreed")
        values = self._network_page_values(
            route,
            None,
            {
                "page_name": "network_route",
                "route": route,
                "lines": lines,
                "own": own,
                "can_agree": own and route.state == "draft",
                "swap_options": {
                    line.id: line._swap_options()
                    for line in lines
                    if can_change and line.state == "planned"
                },
            },
        )
        return request.render("network_development.portal_my_network_route", values)

    def _network_own_route(self, access, route_id):
        """The route (superuser copy) if it is the acting teacher's own; 403 otherwise."""
        route = self._network_record("network.route", route_id)
        if route.partner_id != access.partner:
            raise Forbidden()
        return route

    @http.route(
        "/my/network/routes/<int:route_id>/agree",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_network_route_agree(self, route_id, **post):
        access = self._network_access("teacher")
        route = self._network_own_route(access, route_id)
        return self._network_run(route, route.action_agree, success=_("Your route is agreed."))

    @http.route(
        "/my/network/routes/<int:route_id>/steps/<int:line_id>/swap",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_network_route_swap(self, route_id, line_id, option=None, **post):
        access = self._network_access("teacher")
        route = self._network_own_route(access, route_id)
        line = route.line_ids.filtered(lambda step: step.id == line_id)
        if not line:
            raise NotFound()
        return self._network_run(
            route, line.action_swap, str(option or ""), success=_("The step is swapped.")
        )
