from dateutil.relativedelta import relativedelta

from odoo import _, fields, http
from odoo.http import request

from ..models.ir_http import NetworkAccessDenied
from ..models.network_agreement import SCAN_MAX_BYTES
from ..models.res_partner import COORDINATING_ORG_KINDS
from .portal import NetworkPortal, readonly_on_get, selection_options


class NetworkAgreementPortal(NetworkPortal):
    """A coordinator's agreements with the centre and other organizations; the application
    to join the network of an organization that is not a member yet (rulebook 1.8)."""

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
        readonly=True,
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

    @http.route(
        "/my/network/agreements/<int:agreement_id>",
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_network_agreement(self, agreement_id, access_token=None, **kw):
        if not access_token:
            self._network_access("coordinator")
        agreement = self._network_record("network.agreement", agreement_id, access_token)
        values = self._network_page_values(
            agreement, access_token, {"page_name": "network_agreement", "agreement": agreement}
        )
        return request.render("network_methodology.portal_my_network_agreement", values)

    # ------------------------------------------------------------------ joining the network
    def _network_applicant(self):
        """The organization a portal user may apply for: their own company, when it is not a
        member yet. Staff, members and contacts of no company get the page saying why."""
        user = request.env.user
        organization = user.partner_id.commercial_partner_id
        if not user.share or user._is_public():
            raise NetworkAccessDenied("internal")
        if organization == user.partner_id or not organization.is_company:
            raise NetworkAccessDenied("no_organization")
        return organization

    @http.route(
        "/my/network/join",
        type="http",
        auth="user",
        website=True,
        methods=["GET", "POST"],
        readonly=readonly_on_get,
    )
    def portal_network_join(self, **post):
        organization = self._network_applicant()
        if organization.is_network_member:
            return self._network_redirect(
                "/my/home", success=_("%s is a member of the network.", organization.name)
            )
        Agreement = request.env["network.agreement"].sudo()
        pending = Agreement.search(Agreement._application_domain(organization), limit=1)
        errors = {}
        if request.httprequest.method == "POST" and not pending:
            upload = request.httprequest.files.get("scan")
            scan = (upload.filename, upload.read(SCAN_MAX_BYTES + 1)) if upload else None
            values, errors = Agreement._portal_prepare_application(
                dict(post, scan=scan), organization
            )
            if not errors:
                Agreement.with_user(request.env.user).sudo()._portal_apply(
                    values, organization.sudo()
                )
                return self._network_redirect(
                    "/my/network/join",
                    success=_(
                        "The application is sent: the centre signs the agreement and "
                        "opens the network's pages to you."
                    ),
                )
        today = fields.Date.context_today(request.env.user)
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "network_join",
                "organization": organization.sudo(),
                "pending": pending,
                "org_kinds": [
                    option
                    for option in selection_options("res.partner", "network_org_kind")
                    if option[0] not in COORDINATING_ORG_KINDS
                ],
                "form": post
                or {
                    "org_kind": organization.sudo().network_org_kind or "",
                    "date_start": str(today),
                    "date_end": str(today + relativedelta(years=3, days=-1)),
                },
                "errors": errors,
            }
        )
        return request.render("network_methodology.portal_network_join", values)
