from werkzeug.exceptions import Forbidden

from odoo import _, http
from odoo.http import request

from odoo.addons.network_methodology.controllers.portal import NetworkPortal, selection_options

from ..models.network_resource import RESOURCE_KINDS


class NetworkResourcePortal(NetworkPortal):
    """The catalogue of the network's shared resources, beside the catalogue of experience:
    members browse and search the available resources; a coordinator requests another
    organization's resource from its page."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        Resource = request.env["network.resource"]
        values.update(
            self._network_counters(
                counters,
                {
                    "network_resource_count": (
                        ("coordinator", "teacher"),
                        lambda a: Resource.search_count([("is_available", "=", True)]),
                    )
                },
            )
        )
        return values

    def _get_network_resource_searchbar_sortings(self):
        return {
            "name": {"label": _("Name"), "order": "name"},
            "organization": {"label": _("Organization"), "order": "organization_id, name"},
            "date": {"label": _("Newest"), "order": "create_date desc"},
        }

    def _get_network_resource_searchbar_inputs(self):
        return self._network_search_inputs(
            ("name", _("Resource"), "name"),
            ("organization", _("Organization"), "organization_id.name"),
            ("description", _("Description"), "description"),
        )

    @http.route(
        ["/my/network/resources", "/my/network/resources/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_network_resources(
        self, page=1, sortby=None, search_in=None, search=None, resource_kind=None, **kw
    ):
        access = self._network_access()
        domain = [("is_available", "=", True)]
        if resource_kind in dict(RESOURCE_KINDS):
            domain.append(("resource_kind", "=", resource_kind))
        else:
            resource_kind = None
        values = self._network_list(
            "network.resource",
            domain,
            "/my/network/resources",
            page,
            self._get_network_resource_searchbar_sortings(),
            sortby,
            self._get_network_resource_searchbar_inputs(),
            search_in,
            search,
            url_args={"resource_kind": resource_kind},
        )
        values.update(
            {
                "page_name": "network_resources",
                "resource_kinds": selection_options("network.resource", "resource_kind"),
                "resource_kind": resource_kind,
                "own_organization": access.coordinated,
            }
        )
        return request.render("network_governance.portal_network_resources", values)

    @http.route(
        "/my/network/resources/<int:resource_id>",
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_network_resource(self, resource_id, **kw):
        access = self._network_access()
        resource = self._network_record("network.resource", resource_id)
        return self._network_render_resource(resource, access)

    def _network_render_resource(self, resource, access, form=None, errors=None):
        organization = access.coordinated
        own = bool(organization) and resource.organization_id == organization
        values = self._network_page_values(
            resource,
            None,
            {
                "page_name": "network_resource",
                "resource": resource,
                "own": own,
                "can_request": bool(organization) and resource.is_available and not own,
                "request_form": form or {"participants": "1"},
                "errors": errors or {},
            },
        )
        return request.render("network_governance.portal_network_resource", values)

    @http.route(
        "/my/network/resources/<int:resource_id>/request",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_network_resource_request(self, resource_id, **post):
        access = self._network_access("coordinator")
        resource = self._network_record("network.resource", resource_id)
        if not resource.is_available or resource.organization_id == access.organization:
            raise Forbidden()
        Request = request.env["network.resource.request"]
        post = dict(post, resource_id=resource.id)
        values, errors = Request._portal_prepare_values(post, access.organization)
        if errors:
            return self._network_render_resource(resource, access, form=post, errors=errors)
        resource_request = Request.sudo().create(values)
        return self._network_run(
            resource_request,
            resource_request.action_submit,
            success=_("The request is sent to %s.", resource.organization_id.name),
        )
