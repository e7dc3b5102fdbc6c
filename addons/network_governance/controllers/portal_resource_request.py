from werkzeug.exceptions import Forbidden

from odoo import _, http
from odoo.http import request

from odoo.addons.network_methodology.controllers.portal import NetworkPortal
from odoo.addons.network_methodology.models.network_portal_mixin import LONG_TEXT_MAX, clean_text

from ..models.network_resource_request import (
    ACCEPTABLE_RESOURCE_REQUEST_STATES,
    CANCELLABLE_RESOURCE_REQUEST_STATES,
    DONE_RESOURCE_REQUEST_STATES,
    REJECTABLE_RESOURCE_REQUEST_STATES,
)


class NetworkResourceRequestPortal(NetworkPortal):
    """Resource requests a coordinator's organization filed or received: the applicant
    cancels, the provider accepts, rejects with a reason or records the use; both discuss
    the request on its page."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        Request = request.env["network.resource.request"]
        values.update(
            self._network_counters(
                counters,
                {
                    "network_resource_request_count": (
                        ("coordinator",),
                        lambda a: Request.search_count([]),
                    )
                },
            )
        )
        return values

    def _get_network_resource_request_searchbar_sortings(self):
        return {
            "date": {"label": _("Newest"), "order": "date_request desc, id desc"},
            "name": {"label": _("Number"), "order": "name desc"},
            "state": {"label": _("Status"), "order": "state, date_request desc"},
        }

    def _get_network_resource_request_searchbar_inputs(self):
        return self._network_search_inputs(
            ("resource", _("Resource"), "resource_id.name"),
            ("name", _("Number"), "name"),
            ("requester", _("Applicant"), "requester_id.name"),
            ("provider", _("Provider"), "provider_id.name"),
        )

    def _get_network_resource_request_searchbar_filters(self, organization):
        return {
            "all": {"label": _("All"), "domain": []},
            "made": {"label": _("Filed by us"), "domain": [("requester_id", "=", organization.id)]},
            "received": {
                "label": _("Addressed to us"),
                "domain": [("provider_id", "=", organization.id), ("state", "!=", "draft")],
            },
            "waiting": {
                "label": _("Awaiting our answer"),
                "domain": [("provider_id", "=", organization.id), ("state", "=", "submitted")],
            },
        }

    @http.route(
        ["/my/network/resource-requests", "/my/network/resource-requests/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_network_resource_requests(
        self, page=1, sortby=None, filterby=None, search_in=None, search=None, **kw
    ):
        organization = self._network_access("coordinator").organization
        values = self._network_list(
            "network.resource.request",
            [],
            "/my/network/resource-requests",
            page,
            self._get_network_resource_request_searchbar_sortings(),
            sortby,
            self._get_network_resource_request_searchbar_inputs(),
            search_in,
            search,
            self._get_network_resource_request_searchbar_filters(organization),
            filterby,
        )
        values.update({"page_name": "network_resource_requests", "organization": organization})
        return request.render("network_governance.portal_my_network_resource_requests", values)

    @http.route(
        "/my/network/resource-requests/<int:request_id>",
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_network_resource_request_page(self, request_id, access_token=None, **kw):
        access = None if access_token else self._network_access("coordinator")
        resource_request = self._network_record(
            "network.resource.request", request_id, access_token
        )
        organization = access.organization if access else request.env["res.partner"]
        is_applicant = resource_request.requester_id == organization
        is_provider = resource_request.provider_id == organization
        state = resource_request.state
        values = self._network_page_values(
            resource_request,
            access_token,
            {
                "page_name": "network_resource_request",
                "resource_request": resource_request,
                "can_accept": is_provider and state in ACCEPTABLE_RESOURCE_REQUEST_STATES,
                "can_reject": is_provider and state in REJECTABLE_RESOURCE_REQUEST_STATES,
                "can_done": is_provider and state in DONE_RESOURCE_REQUEST_STATES,
                "can_cancel": is_applicant and state in CANCELLABLE_RESOURCE_REQUEST_STATES,
            },
        )
        return request.render("network_governance.portal_my_network_resource_request", values)

    @http.route(
        "/my/network/resource-requests/<int:request_id>/<any(cancel,accept,reject,done):action>",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_network_resource_request_action(self, request_id, action, reason=None, **post):
        organization = self._network_access("coordinator").organization
        resource_request = self._network_record("network.resource.request", request_id)
        side = resource_request.requester_id if action == "cancel" else resource_request.provider_id
        if side != organization:
            raise Forbidden()
        if action == "reject":
            reason = clean_text(reason)[:LONG_TEXT_MAX]
            if not reason:
                return self._network_redirect(
                    resource_request.access_url, error=_("Give the reason for rejecting.")
                )
            return self._network_run(
                resource_request,
                resource_request.action_reject,
                reason,
                success=_("The request is rejected."),
            )
        methods = {
            "cancel": (resource_request.action_cancel, _("The request is cancelled.")),
            "accept": (resource_request.action_accept, _("The request is accepted.")),
            "done": (resource_request.action_done, _("The use of the resource is recorded.")),
        }
        method, success = methods[action]
        return self._network_run(resource_request, method, success=success)
