from werkzeug.exceptions import Forbidden

from odoo import _, http
from odoo.http import request

from ..models.network_portal_mixin import LONG_TEXT_MAX, clean_text
from ..models.network_request import (
    ACCEPTABLE_REQUEST_STATES,
    CANCELLABLE_REQUEST_STATES,
    REJECTABLE_REQUEST_STATES,
)
from .portal import NetworkPortal


class NetworkRequestPortal(NetworkPortal):
    """Requests a coordinator's organization filed or received: the applicant cancels, the
    executor accepts or rejects, both discuss the request on its page."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        Request = request.env["network.request"]
        values.update(
            self._network_counters(
                counters,
                {"network_request_count": (("coordinator",), lambda a: Request.search_count([]))},
            )
        )
        return values

    def _get_network_request_searchbar_sortings(self):
        return {
            "date": {"label": _("Newest"), "order": "date_request desc, id desc"},
            "name": {"label": _("Number"), "order": "name desc"},
            "state": {"label": _("Status"), "order": "state, date_request desc"},
        }

    def _get_network_request_searchbar_inputs(self):
        return self._network_search_inputs(
            ("offer", _("Theme"), "offer_id.name"),
            ("name", _("Number"), "name"),
            ("requester", _("Applicant"), "requester_id.name"),
            ("executor", _("Executor"), "executor_id.name"),
        )

    def _get_network_request_searchbar_filters(self, organization):
        return {
            "all": {"label": _("All"), "domain": []},
            "made": {"label": _("Filed by us"), "domain": [("requester_id", "=", organization.id)]},
            "received": {
                "label": _("Addressed to us"),
                "domain": [("executor_id", "=", organization.id)],
            },
            "waiting": {
                "label": _("Awaiting our answer"),
                "domain": [("executor_id", "=", organization.id), ("state", "=", "submitted")],
            },
        }

    @http.route(
        ["/my/network/requests", "/my/network/requests/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_network_requests(
        self, page=1, sortby=None, filterby=None, search_in=None, search=None, **kw
    ):
        organization = self._network_access("coordinator").organization
        values = self._network_list(
            "network.request",
            [],
            "/my/network/requests",
            page,
            self._get_network_request_searchbar_sortings(),
            sortby,
            self._get_network_request_searchbar_inputs(),
            search_in,
            search,
            self._get_network_request_searchbar_filters(organization),
            filterby,
        )
        values.update({"page_name": "network_requests", "organization": organization})
        return request.render("network_methodology.portal_my_network_requests", values)

    @http.route(
        "/my/network/requests/<int:request_id>",
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_network_request(self, request_id, access_token=None, **kw):
        access = None if access_token else self._network_access("coordinator")
        network_request = self._network_record("network.request", request_id, access_token)
        organization = access.organization if access else request.env["res.partner"]
        is_applicant = network_request.requester_id == organization
        is_executor = network_request.executor_id == organization
        state = network_request.state
        values = self._network_page_values(
            network_request,
            access_token,
            {
                "page_name": "network_request",
                "network_request": network_request,
                "can_accept": is_executor and state in ACCEPTABLE_REQUEST_STATES,
                "can_reject": is_executor and state in REJECTABLE_REQUEST_STATES,
                "can_cancel": is_applicant and state in CANCELLABLE_REQUEST_STATES,
            },
        )
        return request.render("network_methodology.portal_my_network_request", values)

    @http.route(
        "/my/network/requests/<int:request_id>/<any(cancel,accept,reject):action>",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_network_request_action(self, request_id, action, reason=None, **post):
        organization = self._network_access("coordinator").organization
        network_request = self._network_record("network.request", request_id)
        side = network_request.requester_id if action == "cancel" else network_request.executor_id
        if side != organization:
            raise Forbidden()
        if action == "reject":
            reason = clean_text(reason)[:LONG_TEXT_MAX]
            if not reason:
                return self._network_redirect(
                    network_request.access_url, error=_("Give the reason for rejecting.")
                )
            return self._network_run(
                network_request,
                network_request.action_reject,
                reason,
                success=_("The request is rejected."),
            )
        if action == "cancel":
            return self._network_run(
                network_request,
                network_request.action_cancel,
                success=_("The request is cancelled."),
            )
        return self._network_run(
            network_request,
            network_request.action_accept,
            success=_("The request is accepted: the centre schedules the event."),
        )
