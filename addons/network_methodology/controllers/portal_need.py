from werkzeug.exceptions import Forbidden

from odoo import _, http
from odoo.http import request

from .portal import NetworkPortal, readonly_on_get, selection_options


class NetworkNeedPortal(NetworkPortal):
    """Needs for experience the catalogue lacks: a coordinator files them and follows the
    answer; every member sees the network's open needs (themes and organizations only), so a
    school that has the experience can offer it."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        Need = request.env["network.need"]
        values.update(
            self._network_counters(
                counters,
                {
                    "network_need_count": (
                        ("coordinator",),
                        lambda a: Need.search_count([("requester_id", "=", a.organization.id)]),
                    ),
                },
            )
        )
        return values

    def _get_network_need_searchbar_sortings(self):
        return {
            "date": {"label": _("Newest"), "order": "date_filed desc, id desc"},
            "name": {"label": _("Theme"), "order": "name"},
        }

    def _get_network_need_searchbar_filters(self, organization):
        return {
            "own": {
                "label": _("Our needs"),
                "domain": [("requester_id", "=", organization.id)],
            },
            "network": {
                "label": _("Open needs of the network"),
                "domain": [("state", "=", "open"), ("requester_id", "!=", organization.id)],
            },
        }

    @http.route(
        ["/my/network/needs", "/my/network/needs/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_network_needs(self, page=1, sortby=None, filterby=None, search=None, **kw):
        access = self._network_access("coordinator")
        values = self._network_list(
            "network.need",
            [],
            "/my/network/needs",
            page,
            self._get_network_need_searchbar_sortings(),
            sortby,
            self._network_search_inputs(("name", _("Theme"), "name")),
            "name",
            search,
            self._get_network_need_searchbar_filters(access.organization),
            filterby,
        )
        values.update(page_name="network_needs", organization=access.organization)
        return request.render("network_methodology.portal_my_network_needs", values)

    @http.route(
        "/my/network/needs/new",
        type="http",
        auth="user",
        website=True,
        methods=["GET", "POST"],
        readonly=readonly_on_get,
    )
    def portal_network_need_new(self, **post):
        organization = self._network_access("coordinator").organization
        Need = request.env["network.need"]
        errors = {}
        if request.httprequest.method == "POST":
            values, errors = Need._portal_prepare_values(post, organization)
            if not errors:
                need = Need.sudo().create(values)
                return self._network_redirect(
                    need.access_url,
                    success=_(
                        "The need is filed: the centre looks for an organization to share "
                        "this experience."
                    ),
                )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "network_need",
                "organization": organization.sudo(),
                "event_forms": selection_options("network.need", "event_form"),
                "audiences": selection_options("network.need", "audience"),
                "form": post or {"audience": "teachers"},
                "errors": errors,
            }
        )
        return request.render("network_methodology.portal_network_need_form", values)

    @http.route(
        "/my/network/needs/<int:need_id>", type="http", auth="user", website=True, readonly=True
    )
    def portal_network_need(self, need_id, access_token=None, **kw):
        access = None if access_token else self._network_access("coordinator")
        need = self._network_record("network.need", need_id, access_token)
        own = bool(access) and need.requester_id == access.organization
        values = self._network_page_values(
            need, access_token, {"page_name": "network_need", "need": need, "own": own}
        )
        return request.render("network_methodology.portal_my_network_need", values)

    @http.route(
        "/my/network/needs/<int:need_id>/close",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_network_need_close(self, need_id, **post):
        organization = self._network_access("coordinator").organization
        need = self._network_record("network.need", need_id)
        if need.requester_id != organization:
            raise Forbidden()
        return self._network_run(need, need.action_close, success=_("The need is closed."))
