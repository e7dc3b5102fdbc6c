from werkzeug.exceptions import Forbidden

from odoo import _, http
from odoo.http import request

from ..models.network_offer import AUDIENCES, EVENT_FORMS
from ..models.network_portal_mixin import to_int
from .portal import NetworkPortal, form_list, readonly_on_get, selection_options


class NetworkOfferPortal(NetworkPortal):
    """A coordinator's own offers of experience (create, edit drafts, submit) and the
    catalogue of the network's published offers, where coordinators file requests."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        Offer = request.env["network.offer"]
        values.update(
            self._network_counters(
                counters,
                {
                    "network_offer_count": (
                        ("coordinator",),
                        lambda a: Offer.search_count([("organization_id", "=", a.organization.id)]),
                    ),
                    "network_catalogue_count": (
                        ("coordinator", "teacher"),
                        lambda a: Offer.search_count(self._network_catalogue_domain(a)),
                    ),
                },
            )
        )
        return values

    # ------------------------------------------------------------------ own offers
    def _get_network_offer_searchbar_sortings(self):
        return {
            "name": {"label": _("Theme"), "order": "name"},
            "date": {"label": _("Newest"), "order": "create_date desc"},
            "state": {"label": _("Status"), "order": "state, name"},
        }

    @http.route(
        ["/my/network/offers", "/my/network/offers/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_network_offers(self, page=1, sortby=None, filterby=None, search=None, **kw):
        access = self._network_access("coordinator")
        values = self._network_list(
            "network.offer",
            [("organization_id", "=", access.organization.id)],
            "/my/network/offers",
            page,
            self._get_network_offer_searchbar_sortings(),
            sortby,
            self._network_search_inputs(("name", _("Theme"), "name")),
            "name",
            search,
            self._network_state_filters("network.offer"),
            filterby,
        )
        values["page_name"] = "network_offers"
        return request.render("network_methodology.portal_my_network_offers", values)

    def _network_offer_form_values(self, organization, offer=None, form=None, errors=None):
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "network_offer",
                "offer": offer,
                "organization": organization.sudo(),
                "teachers": organization.sudo().teacher_ids,
                "projects": request.env["network.project"].search([]),
                "event_forms": selection_options("network.offer", "event_form"),
                "audiences": selection_options("network.offer", "audience"),
                "form": form or {},
                "errors": errors or {},
            }
        )
        return values

    def _network_offer_post(self, post):
        return dict(post, presenter_ids=form_list("presenter_ids"))

    @http.route(
        "/my/network/offers/new",
        type="http",
        auth="user",
        website=True,
        methods=["GET", "POST"],
        readonly=readonly_on_get,
    )
    def portal_network_offer_new(self, **post):
        organization = self._network_access("coordinator").organization
        if request.httprequest.method != "POST":
            form = {"audience": "teachers", "duration_hours": "2"}
            return request.render(
                "network_methodology.portal_network_offer_form",
                self._network_offer_form_values(organization, form=form),
            )
        post = self._network_offer_post(post)
        values, errors = request.env["network.offer"]._portal_prepare_values(post, organization)
        if errors:
            return request.render(
                "network_methodology.portal_network_offer_form",
                self._network_offer_form_values(organization, form=post, errors=errors),
            )
        offer = (
            request.env["network.offer"]
            .sudo()
            .create(dict(values, organization_id=organization.id))
        )
        return self._network_redirect(offer.access_url, success=_("The offer is saved as a draft."))

    def _network_own_offer(self, offer_id):
        """The coordinator's organization and one of its offers."""
        organization = self._network_access("coordinator").organization
        offer = self._network_record("network.offer", offer_id)
        if offer.organization_id != organization:
            raise Forbidden()
        return organization, offer

    @http.route(
        "/my/network/offers/<int:offer_id>/edit",
        type="http",
        auth="user",
        website=True,
        methods=["GET", "POST"],
        readonly=readonly_on_get,
    )
    def portal_network_offer_edit(self, offer_id, **post):
        organization, offer = self._network_own_offer(offer_id)
        if offer.state != "draft":
            return self._network_redirect(
                offer.access_url, error=_("Only a draft offer can be edited.")
            )
        errors = {}
        if request.httprequest.method == "POST":
            post = self._network_offer_post(post)
            values, errors = offer._portal_prepare_values(post, organization)
            if not errors:
                offer.write(values)
                return self._network_redirect(offer.access_url, success=_("Changes saved."))
            form = post
        else:
            form = offer._portal_form_values()
        return request.render(
            "network_methodology.portal_network_offer_form",
            self._network_offer_form_values(organization, offer=offer, form=form, errors=errors),
        )

    @http.route(
        "/my/network/offers/<int:offer_id>/submit",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_network_offer_submit(self, offer_id, **post):
        offer = self._network_own_offer(offer_id)[1]
        return self._network_run(
            offer,
            offer.action_submit,
            success=_("The offer is submitted: the centre publishes it after review."),
        )

    # ------------------------------------------------------------------ an offer's page
    @http.route(
        "/my/network/offers/<int:offer_id>", type="http", auth="user", website=True, readonly=True
    )
    def portal_network_offer(self, offer_id, access_token=None, **kw):
        access = None if access_token else self._network_access()
        offer = self._network_record("network.offer", offer_id, access_token)
        return self._network_render_offer(offer, access, access_token)

    def _network_render_offer(self, offer, access, access_token=None, form=None, errors=None):
        organization = access.coordinated if access else request.env["res.partner"]
        own = bool(organization) and offer.organization_id == organization
        values = self._network_page_values(
            offer,
            access_token,
            {
                "page_name": "network_offer",
                "offer": offer,
                "own": own,
                "can_request": bool(organization) and offer.state == "published" and not own,
                "request_form": form or {"participants_planned": "1"},
                "errors": errors or {},
                "requests": offer.request_ids.filtered(lambda r: r.state != "draft")
                if own
                else offer.request_ids.browse(),
            },
        )
        return request.render("network_methodology.portal_my_network_offer", values)

    @http.route(
        "/my/network/offers/<int:offer_id>/request",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_network_offer_request(self, offer_id, **post):
        access = self._network_access("coordinator")
        offer = self._network_record("network.offer", offer_id)
        if offer.state != "published" or offer.organization_id == access.organization:
            raise Forbidden()
        Request = request.env["network.request"]
        post = dict(post, offer_id=offer.id)
        values, errors = Request._portal_prepare_values(post, access.organization)
        if errors:
            return self._network_render_offer(offer, access, form=post, errors=errors)
        network_request = Request.sudo().create(values)
        return self._network_run(
            network_request,
            network_request.action_submit,
            success=_("The request is sent to %s.", offer.organization_id.name),
        )

    # ------------------------------------------------------------------ catalogue
    def _network_catalogue_domain(self, access):
        return [("state", "=", "published"), ("organization_id", "!=", access.coordinated.id)]

    def _get_network_catalogue_searchbar_sortings(self):
        return {
            "name": {"label": _("Theme"), "order": "name"},
            "date": {"label": _("Newest"), "order": "create_date desc"},
            "requests": {"label": _("Most requested"), "order": "request_count desc, name"},
        }

    def _get_network_catalogue_searchbar_inputs(self):
        return self._network_search_inputs(
            ("name", _("Theme"), "name"),
            ("executor", _("Executor"), "organization_id.name"),
            ("project", _("Sub-project"), "project_id.name"),
        )

    @http.route(
        ["/my/network/catalogue", "/my/network/catalogue/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_network_catalogue(
        self,
        page=1,
        sortby=None,
        search_in=None,
        search=None,
        event_form=None,
        audience=None,
        project_id=None,
        **kw,
    ):
        access = self._network_access()
        domain = self._network_catalogue_domain(access)
        if event_form in dict(EVENT_FORMS):
            domain.append(("event_form", "=", event_form))
        if audience in dict(AUDIENCES):
            domain.append(("audience", "=", audience))
        project_id = to_int(project_id)
        if project_id:
            domain.append(("project_id", "child_of", project_id))
        values = self._network_list(
            "network.offer",
            domain,
            "/my/network/catalogue",
            page,
            self._get_network_catalogue_searchbar_sortings(),
            sortby,
            self._get_network_catalogue_searchbar_inputs(),
            search_in,
            search,
            url_args={"event_form": event_form, "audience": audience, "project_id": project_id},
        )
        values.update(
            {
                "page_name": "network_catalogue",
                "event_forms": selection_options("network.offer", "event_form"),
                "audiences": selection_options("network.offer", "audience"),
                "projects": request.env["network.project"].search([]),
                "event_form": event_form,
                "audience": audience,
                "project_id": project_id,
                "can_request": access.role == "coordinator",
            }
        )
        return request.render("network_methodology.portal_network_catalogue", values)
