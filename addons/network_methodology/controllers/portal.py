import base64
import os
from urllib.parse import quote

from werkzeug.exceptions import Forbidden, NotFound

from odoo import _, fields, http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request
from odoo.tools import html2plaintext

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

from ..models.network_offer import AUDIENCES, EVENT_FORMS
from ..models.res_config_settings import MATERIAL_DEFAULT_MAX_MB

# Uploaded material files: the kinds of documents, videos and archives schools exchange.
MATERIAL_EXTENSIONS = {
    ".pdf", ".doc", ".docx", ".odt", ".rtf", ".txt", ".ppt", ".pptx", ".odp", ".xls",
    ".xlsx", ".ods", ".jpg", ".jpeg", ".png", ".mp4", ".webm", ".mp3", ".zip",
}  # fmt: skip
# Portal home entries per role (see _prepare_home_portal_values).
COORDINATOR_COUNTERS = (
    "network_agreement_count",
    "network_offer_count",
    "network_catalogue_count",
    "network_request_count",
    "network_event_count",
    "network_material_count",
)
TEACHER_COUNTERS = ("network_catalogue_count", "network_event_count", "network_token_count")
# Many2one fields naming an organization, searchable by its name in portal lists.
ORGANIZATION_FIELDS = ("organization_id", "requester_id", "executor_id")
MATERIAL_MAX_FILES = 10
TEXT_MAX = 255
LONG_TEXT_MAX = 5000
PARTICIPANTS_MAX = 500


class NetworkPortal(CustomerPortal):
    """Network pages of the portal. Lists and pages read as the portal user, so record rules
    decide what exists for them; a change goes through the model's own method, on the
    superuser copy of a record the user may read, after checking the side they act for."""

    # ------------------------------------------------------------------ who is asking
    def _network_partner(self):
        return request.env.user.partner_id

    def _network_organization(self):
        """The coordinated organization, or Forbidden for anyone else."""
        org = self._network_partner()._network_coordinated_organization()
        if not org:
            raise Forbidden()
        return org

    def _network_teacher(self):
        partner = self._network_partner()
        if not partner.is_teacher:
            raise Forbidden()
        return partner

    def _network_member(self):
        """(partner, coordinated organization) of a coordinator or a teacher; Forbidden else."""
        partner = self._network_partner()
        org = partner._network_coordinated_organization()
        if not org and not partner.is_teacher:
            raise Forbidden()
        return partner, org

    def _network_record(self, model, record_id, access_token=None):
        try:
            return self._document_check_access(model, record_id, access_token)
        except (AccessError, MissingError) as error:
            raise NotFound() from error

    # ------------------------------------------------------------------ home
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        partner = self._network_partner()
        org = partner._network_coordinated_organization()
        env = request.env
        if org:
            keys = COORDINATOR_COUNTERS
        elif partner.is_teacher:
            keys = TEACHER_COUNTERS
        else:
            keys = ()
        Offer = env["network.offer"]
        counts = {
            "network_agreement_count": lambda: env["network.agreement"].search_count([]),
            "network_offer_count": lambda: Offer.search_count([("organization_id", "=", org.id)]),
            "network_catalogue_count": lambda: Offer.search_count(self._catalogue_domain(org)),
            "network_request_count": lambda: env["network.request"].search_count([]),
            "network_event_count": lambda: env["event.event"].search_count(
                self._events_domain(partner, org)
            ),
            "network_material_count": lambda: env["network.material"].search_count([]),
            "network_token_count": lambda: env["network.activity.token"].search_count(
                [("partner_id", "=", partner.id), ("state", "!=", "revoked")]
            ),
        }
        for key in set(counters) & set(keys):
            values[key] = counts[key]()
        return values

    # ------------------------------------------------------------------ lists
    def _network_list(
        self,
        model,
        domain,
        url,
        page,
        sortings,
        sortby,
        search_inputs=None,
        search_in=None,
        search=None,
        filters=None,
        filterby=None,
        url_args=None,
    ):
        """Values of a paginated, sortable, searchable portal list (as in project's portal)."""
        values = self._prepare_portal_layout_values()
        sortby = sortby if sortby in sortings else next(iter(sortings))
        domain = list(domain)
        if filters:
            filterby = filterby if filterby in filters else next(iter(filters))
            domain += filters[filterby]["domain"]
        if search_inputs:
            search_in = search_in if search_in in search_inputs else next(iter(search_inputs))
            if search:
                domain += _search_domain(search_inputs[search_in]["field"], search)
        Model = request.env[model]
        pager = portal_pager(
            url=url,
            url_args={
                "sortby": sortby,
                "filterby": filterby,
                "search_in": search_in,
                "search": search,
                **(url_args or {}),
            },
            total=Model.search_count(domain),
            page=page,
            step=self._items_per_page,
        )
        records = Model.search(
            domain,
            order=sortings[sortby]["order"],
            limit=self._items_per_page,
            offset=pager["offset"],
        )
        values.update(
            {
                "records": records.sudo(),
                "pager": pager,
                "default_url": url,
                "searchbar_sortings": sortings,
                "sortby": sortby,
                "searchbar_filters": filters,
                "filterby": filterby,
                "searchbar_inputs": search_inputs,
                "search_in": search_in,
                "search": search,
            }
        )
        return values

    @staticmethod
    def _inputs(*pairs):
        return {
            name: {"input": name, "label": label, "field": field} for name, label, field in pairs
        }

    # ------------------------------------------------------------------ agreements
    @http.route(
        ["/my/network/agreements", "/my/network/agreements/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_network_agreements(self, page=1, sortby=None, search_in=None, search=None, **kw):
        self._network_organization()
        values = self._network_list(
            "network.agreement",
            [],
            "/my/network/agreements",
            page,
            {
                "date": {"label": _("Newest"), "order": "date_start desc, id desc"},
                "name": {"label": _("Number"), "order": "name"},
                "state": {"label": _("Status"), "order": "state, id desc"},
            },
            sortby,
            self._inputs(("name", _("Number"), "name"), ("subject", _("Subject"), "subject")),
            search_in,
            search,
        )
        values["page_name"] = "network_agreements"
        return request.render("network_methodology.portal_my_network_agreements", values)

    @http.route("/my/network/agreements/<int:agreement_id>", type="http", auth="user", website=True)
    def portal_network_agreement(self, agreement_id, access_token=None, **kw):
        agreement = self._network_record("network.agreement", agreement_id, access_token)
        values = self._get_page_view_values(
            agreement,
            access_token,
            {"page_name": "network_agreement", "agreement": agreement},
            "my_network_agreements_history",
            False,
        )
        return request.render("network_methodology.portal_my_network_agreement", values)

    # ------------------------------------------------------------------ own offers
    @http.route(
        ["/my/network/offers", "/my/network/offers/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_network_offers(self, page=1, sortby=None, filterby=None, search=None, **kw):
        org = self._network_organization()
        filters = _state_filters("network.offer")
        values = self._network_list(
            "network.offer",
            [("organization_id", "=", org.id)],
            "/my/network/offers",
            page,
            {
                "name": {"label": _("Theme"), "order": "name"},
                "date": {"label": _("Newest"), "order": "create_date desc"},
                "state": {"label": _("Status"), "order": "state, name"},
            },
            sortby,
            self._inputs(("name", _("Theme"), "name")),
            "name",
            search,
            filters,
            filterby,
        )
        values["page_name"] = "network_offers"
        return request.render("network_methodology.portal_my_network_offers", values)

    def _offer_form_values(self, org, offer=None, form=None, errors=None):
        return {
            "page_name": "network_offer",
            "offer": offer,
            "organization": org.sudo(),
            "teachers": org.sudo().teacher_ids,
            "projects": request.env["network.project"].search([]),
            "event_forms": _selection("network.offer", "event_form"),
            "audiences": _selection("network.offer", "audience"),
            "form": form or {},
            "errors": errors or {},
        }

    def _parse_offer_form(self, org, post):
        """Validated offer values from a submitted form, and the errors by field."""
        errors = {}
        name = (post.get("name") or "").strip()
        if not name:
            errors["name"] = _("Enter the theme.")
        elif len(name) > TEXT_MAX:
            errors["name"] = _("The theme is longer than %s characters.", TEXT_MAX)
        if post.get("event_form") not in dict(EVENT_FORMS):
            errors["event_form"] = _("Choose the form of the event.")
        if post.get("audience") not in dict(AUDIENCES):
            errors["audience"] = _("Choose the audience.")
        description = (post.get("description") or "").strip()
        if len(description) > LONG_TEXT_MAX:
            errors["description"] = _(
                "The description is longer than %s characters.", LONG_TEXT_MAX
            )
        project = request.env["network.project"]
        if post.get("project_id"):
            project = project.search([("id", "=", _int(post["project_id"]))])
            if not project:
                errors["project_id"] = _("Choose a sub-project from the list.")
        hours = _float(post.get("duration_hours"))
        if hours is None or not 0 < hours <= 100:
            errors["duration_hours"] = _("The duration is a number of hours from 0.5 to 100.")
        presenter_ids = {_int(value) for value in request.httprequest.form.getlist("presenter_ids")}
        presenters = org.sudo().teacher_ids.filtered(lambda t: t.id in presenter_ids)
        if not presenters or len(presenters) != len(presenter_ids):
            errors["presenter_ids"] = _("Choose the presenting teachers of your organization.")
        values = {
            "name": name,
            "event_form": post.get("event_form"),
            "audience": post.get("audience"),
            "description": description,
            "project_id": project.id,
            "duration_hours": hours,
            "presenter_ids": [fields.Command.set(presenters.ids)],
        }
        return values, errors

    @http.route(
        "/my/network/offers/new", type="http", auth="user", website=True, methods=["GET", "POST"]
    )
    def portal_network_offer_new(self, **post):
        org = self._network_organization()
        if request.httprequest.method == "POST":
            values, errors = self._parse_offer_form(org, post)
            if not errors:
                values["organization_id"] = org.id
                offer = request.env["network.offer"].sudo().create(values)
                return request.redirect(offer.access_url)
            form = dict(post, presenter_ids=request.httprequest.form.getlist("presenter_ids"))
            return request.render(
                "network_methodology.portal_network_offer_form",
                self._offer_form_values(org, form=form, errors=errors),
            )
        return request.render(
            "network_methodology.portal_network_offer_form",
            self._offer_form_values(org, form={"audience": "teachers", "duration_hours": "2"}),
        )

    @http.route("/my/network/offers/<int:offer_id>", type="http", auth="user", website=True)
    def portal_network_offer(self, offer_id, access_token=None, **kw):
        offer = self._network_record("network.offer", offer_id, access_token)
        return self._render_offer(offer, access_token)

    def _render_offer(self, offer, access_token=None, request_form=None, errors=None):
        org = self._network_partner()._network_coordinated_organization()
        values = self._get_page_view_values(
            offer,
            access_token,
            {
                "page_name": "network_offer",
                "offer": offer,
                "own": offer.organization_id == org,
                "can_request": bool(org)
                and offer.state == "published"
                and offer.organization_id != org,
                "request_form": request_form or {"participants_planned": "1"},
                "errors": errors or {},
                "requests": offer.request_ids.filtered(lambda r: r.state != "draft")
                if offer.organization_id == org
                else offer.request_ids.browse(),
            },
            "my_network_offers_history",
            False,
        )
        return request.render("network_methodology.portal_my_network_offer", values)

    def _own_draft_offer(self, offer_id):
        org = self._network_organization()
        offer = self._network_record("network.offer", offer_id)
        if offer.organization_id != org:
            raise Forbidden()
        return org, offer

    @http.route(
        "/my/network/offers/<int:offer_id>/edit",
        type="http",
        auth="user",
        website=True,
        methods=["GET", "POST"],
    )
    def portal_network_offer_edit(self, offer_id, **post):
        org, offer = self._own_draft_offer(offer_id)
        if offer.state != "draft":
            return request.redirect(offer.access_url)
        if request.httprequest.method == "POST":
            values, errors = self._parse_offer_form(org, post)
            if not errors:
                offer.write(values)
                return request.redirect(offer.access_url)
            form = dict(post, presenter_ids=request.httprequest.form.getlist("presenter_ids"))
        else:
            form = {
                "name": offer.name,
                "event_form": offer.event_form,
                "audience": offer.audience,
                "description": offer.description and html2plaintext(offer.description),
                "project_id": str(offer.project_id.id or ""),
                "duration_hours": str(offer.duration_hours),
                "presenter_ids": [str(i) for i in offer.presenter_ids.ids],
            }
            errors = {}
        return request.render(
            "network_methodology.portal_network_offer_form",
            self._offer_form_values(org, offer=offer, form=form, errors=errors),
        )

    @http.route(
        "/my/network/offers/<int:offer_id>/submit",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_network_offer_submit(self, offer_id, **post):
        offer = self._own_draft_offer(offer_id)[1]
        return self._run_action(offer, offer.action_submit)

    def _run_action(self, record, method, *args):
        """Runs a model action; a refusal is shown on the record's page, nothing changed."""
        try:
            with request.env.cr.savepoint():
                method(*args)
        except (UserError, ValidationError) as error:
            return request.redirect(f"{record.access_url}?error={_quote(error.args[0])}")
        return request.redirect(record.access_url)

    # ------------------------------------------------------------------ catalogue
    def _catalogue_domain(self, org):
        return [("state", "=", "published"), ("organization_id", "!=", org.id)]

    @http.route(
        ["/my/network/catalogue", "/my/network/catalogue/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
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
        org = self._network_partner()._network_coordinated_organization()
        domain = self._catalogue_domain(org)
        if event_form in dict(EVENT_FORMS):
            domain.append(("event_form", "=", event_form))
        if audience in dict(AUDIENCES):
            domain.append(("audience", "=", audience))
        if _int(project_id):
            domain.append(("project_id", "child_of", _int(project_id)))
        values = self._network_list(
            "network.offer",
            domain,
            "/my/network/catalogue",
            page,
            {
                "name": {"label": _("Theme"), "order": "name"},
                "date": {"label": _("Newest"), "order": "create_date desc"},
                "requests": {"label": _("Most requested"), "order": "request_count desc, name"},
            },
            sortby,
            self._inputs(
                ("name", _("Theme"), "name"),
                ("executor", _("Executor"), "organization_id.name"),
                ("project", _("Sub-project"), "project_id.name"),
            ),
            search_in,
            search,
            url_args={"event_form": event_form, "audience": audience, "project_id": project_id},
        )
        values.update(
            {
                "page_name": "network_catalogue",
                "event_forms": _selection("network.offer", "event_form"),
                "audiences": _selection("network.offer", "audience"),
                "projects": request.env["network.project"].search([]),
                "event_form": event_form,
                "audience": audience,
                "project_id": _int(project_id),
                "can_request": bool(org),
            }
        )
        return request.render("network_methodology.portal_network_catalogue", values)

    @http.route(
        "/my/network/offers/<int:offer_id>/request",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_network_offer_request(self, offer_id, **post):
        org = self._network_organization()
        offer = self._network_record("network.offer", offer_id)
        if offer.state != "published" or offer.organization_id == org:
            raise Forbidden()
        errors = {}
        participants = _int(post.get("participants_planned"))
        if not participants or not 0 < participants <= PARTICIPANTS_MAX:
            errors["participants_planned"] = _(
                "Planned participants: a whole number from 1 to %s.", PARTICIPANTS_MAX
            )
        date_wished = False
        if post.get("date_wished"):
            try:
                date_wished = fields.Date.to_date(post["date_wished"])
            except ValueError:
                date_wished = None
            if not date_wished or date_wished < fields.Date.context_today(offer):
                errors["date_wished"] = _("The preferred date is a date from today on.")
        comment = (post.get("comment") or "").strip()
        if len(comment) > LONG_TEXT_MAX:
            errors["comment"] = _("The comment is longer than %s characters.", LONG_TEXT_MAX)
        if errors:
            return self._render_offer(offer, request_form=post, errors=errors)
        network_request = (
            request.env["network.request"]
            .sudo()
            .create(
                {
                    "requester_id": org.id,
                    "offer_id": offer.id,
                    "participants_planned": participants,
                    "date_wished": date_wished,
                    "comment": comment,
                }
            )
        )
        network_request.action_submit()
        return request.redirect(network_request.access_url)

    # ------------------------------------------------------------------ requests
    @http.route(
        ["/my/network/requests", "/my/network/requests/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_network_requests(
        self, page=1, sortby=None, filterby=None, search_in=None, search=None, **kw
    ):
        org = self._network_organization()
        values = self._network_list(
            "network.request",
            [],
            "/my/network/requests",
            page,
            {
                "date": {"label": _("Newest"), "order": "date_request desc, id desc"},
                "name": {"label": _("Number"), "order": "name desc"},
                "state": {"label": _("Status"), "order": "state, date_request desc"},
            },
            sortby,
            self._inputs(
                ("offer", _("Theme"), "offer_id.name"),
                ("name", _("Number"), "name"),
                ("requester", _("Applicant"), "requester_id.name"),
                ("executor", _("Executor"), "executor_id.name"),
            ),
            search_in,
            search,
            {
                "all": {"label": _("All"), "domain": []},
                "made": {"label": _("Filed by us"), "domain": [("requester_id", "=", org.id)]},
                "received": {
                    "label": _("Addressed to us"),
                    "domain": [("executor_id", "=", org.id), ("state", "!=", "draft")],
                },
                "waiting": {
                    "label": _("Awaiting our answer"),
                    "domain": [("executor_id", "=", org.id), ("state", "=", "submitted")],
                },
            },
            filterby,
        )
        values.update({"page_name": "network_requests", "organization": org})
        return request.render("network_methodology.portal_my_network_requests", values)

    @http.route("/my/network/requests/<int:request_id>", type="http", auth="user", website=True)
    def portal_network_request(self, request_id, access_token=None, error=None, **kw):
        network_request = self._network_record("network.request", request_id, access_token)
        org = self._network_partner()._network_coordinated_organization()
        values = self._get_page_view_values(
            network_request,
            access_token,
            {
                "page_name": "network_request",
                "network_request": network_request,
                "is_applicant": network_request.requester_id == org,
                "is_executor": network_request.executor_id == org,
                "error": error,
            },
            "my_network_requests_history",
            False,
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
        org = self._network_organization()
        network_request = self._network_record("network.request", request_id)
        side = network_request.requester_id if action == "cancel" else network_request.executor_id
        if side != org:
            raise Forbidden()
        if action == "reject":
            reason = (reason or "").strip()[:LONG_TEXT_MAX]
            if not reason:
                error = _quote(_("Give the reason for rejecting."))
                return request.redirect(f"{network_request.access_url}?error={error}")
            return self._run_action(network_request, network_request.action_reject, reason)
        method = (
            network_request.action_cancel if action == "cancel" else network_request.action_accept
        )
        return self._run_action(network_request, method)

    # ------------------------------------------------------------------ events
    def _events_domain(self, partner, org):
        if org:
            return [
                "|",
                "|",
                ("host_organization_id", "=", org.id),
                ("request_ids.requester_id", "=", org.id),
                ("registration_ids.partner_id.parent_id", "=", org.id),
            ]
        if partner.is_teacher:
            return [
                "|",
                ("registration_ids.partner_id", "=", partner.id),
                ("date_end", ">=", fields.Datetime.now()),
            ]
        return [("id", "=", False)]

    @http.route(
        ["/my/network/events", "/my/network/events/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_network_events(self, page=1, sortby=None, filterby=None, search=None, **kw):
        partner, org = self._network_member()
        now = fields.Datetime.now()
        values = self._network_list(
            "event.event",
            self._events_domain(partner, org),
            "/my/network/events",
            page,
            {
                "date": {"label": _("Date"), "order": "date_begin desc"},
                "name": {"label": _("Title"), "order": "name"},
            },
            sortby,
            self._inputs(("name", _("Title"), "name")),
            "name",
            search,
            {
                "all": {"label": _("All"), "domain": []},
                "upcoming": {"label": _("Upcoming"), "domain": [("date_end", ">=", now)]},
                "past": {"label": _("Past"), "domain": [("date_end", "<", now)]},
            },
            filterby,
        )
        registered = request.env["event.registration"].search(
            [
                ("event_id", "in", values["records"].ids),
                ("partner_id", "=", partner.id),
                ("state", "!=", "cancel"),
            ]
        )
        values.update(
            {
                "page_name": "network_events",
                "registered_events": registered.sudo().event_id,
                "is_teacher": partner.is_teacher,
            }
        )
        return request.render("network_methodology.portal_my_network_events", values)

    @http.route("/my/network/events/<int:event_id>", type="http", auth="user", website=True)
    def portal_network_event(self, event_id, error=None, **kw):
        partner = self._network_partner()
        org = partner._network_coordinated_organization()
        event = self._network_record("event.event", event_id)
        registrations = request.env["event.registration"].search(
            [("event_id", "=", event.id), ("state", "!=", "cancel")], order="name"
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "network_event",
                "event": event,
                "organization": org.sudo(),
                "registrations": registrations.sudo(),
                "teacher": partner if partner.is_teacher else False,
                "unregistered_teachers": (org.sudo().teacher_ids - registrations.sudo().partner_id)
                if org
                else org,
                "event_started": event.date_begin <= fields.Datetime.now(),
                "error": error,
            }
        )
        return request.render("network_methodology.portal_my_network_event", values)

    @http.route(
        "/my/network/events/<int:event_id>/<any(register,unregister):action>",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_network_event_register(self, event_id, action, **post):
        partner = self._network_partner()
        org = partner._network_coordinated_organization()
        event = self._network_record("event.event", event_id)
        if org:
            wanted = {_int(value) for value in request.httprequest.form.getlist("teacher_ids")}
            teachers = org.sudo().teacher_ids.filtered(lambda t: t.id in wanted)
            if len(teachers) != len(wanted):
                raise Forbidden()
        elif partner.is_teacher:
            teachers = partner.sudo()
        else:
            raise Forbidden()
        url = f"/my/network/events/{event.id}"
        if not teachers:
            return request.redirect(f"{url}?error={_quote(_('Choose at least one teacher.'))}")
        method = (
            event.action_register_teachers
            if action == "register"
            else event.action_unregister_teachers
        )
        try:
            with request.env.cr.savepoint():
                method(teachers)
        except (UserError, ValidationError) as error:
            return request.redirect(f"{url}?error={_quote(error.args[0])}")
        return request.redirect(url)

    # ------------------------------------------------------------------ materials
    @http.route(
        ["/my/network/materials", "/my/network/materials/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_network_materials(self, page=1, sortby=None, filterby=None, search=None, **kw):
        self._network_organization()
        filters = _state_filters("network.material")
        values = self._network_list(
            "network.material",
            [],
            "/my/network/materials",
            page,
            {
                "date": {"label": _("Newest"), "order": "date desc, id desc"},
                "name": {"label": _("Title"), "order": "name"},
            },
            sortby,
            self._inputs(("name", _("Title"), "name")),
            "name",
            search,
            filters,
            filterby,
        )
        values["page_name"] = "network_materials"
        return request.render("network_methodology.portal_my_network_materials", values)

    def _material_form_values(self, org, form=None, errors=None):
        partner = self._network_partner()
        events = request.env["event.event"].search(
            self._events_domain(partner, org) + [("date_begin", "<=", fields.Datetime.now())],
            order="date_begin desc",
            limit=200,
        )
        return {
            "page_name": "network_material",
            "organization": org.sudo(),
            "teachers": org.sudo().teacher_ids,
            "events": events.sudo(),
            "material_types": _selection("network.material", "material_type"),
            "form": form or {},
            "errors": errors or {},
            "max_megabytes": _material_max_megabytes(),
            "extensions": ", ".join(sorted(MATERIAL_EXTENSIONS)),
        }

    @http.route(
        "/my/network/materials/new", type="http", auth="user", website=True, methods=["GET", "POST"]
    )
    def portal_network_material_new(self, **post):
        org = self._network_organization()
        if request.httprequest.method != "POST":
            return request.render(
                "network_methodology.portal_network_material_form",
                self._material_form_values(org, form={"material_type": "methodical"}),
            )
        form = request.httprequest.form
        errors = {}
        name = (post.get("name") or "").strip()
        if not name:
            errors["name"] = _("Enter the title.")
        elif len(name) > TEXT_MAX:
            errors["name"] = _("The title is longer than %s characters.", TEXT_MAX)
        material_types = dict(request.env["network.material"]._fields["material_type"].selection)
        if post.get("material_type") not in material_types:
            errors["material_type"] = _("Choose the type of material.")
        values = self._material_form_values(org)
        event = values["events"].filtered(lambda e: e.id == _int(post.get("event_id")))
        if not event:
            errors["event_id"] = _("Choose the event the material comes from.")
        author_ids = {_int(value) for value in form.getlist("author_ids")}
        authors = values["teachers"].filtered(lambda t: t.id in author_ids)
        if not authors or len(authors) != len(author_ids):
            errors["author_ids"] = _("Choose the authors among your organization's teachers.")
        description = (post.get("description") or "").strip()
        if len(description) > LONG_TEXT_MAX:
            errors["description"] = _(
                "The description is longer than %s characters.", LONG_TEXT_MAX
            )
        files, file_error = _read_uploads(request.httprequest.files.getlist("files"))
        if file_error:
            errors["files"] = file_error
        if errors:
            values.update(form=dict(post, author_ids=form.getlist("author_ids")), errors=errors)
            return request.render("network_methodology.portal_network_material_form", values)
        material = (
            request.env["network.material"]
            .sudo()
            .create(
                {
                    "name": name,
                    "material_type": post["material_type"],
                    "organization_id": org.id,
                    "event_id": event.id,
                    "date": event.date_begin.date(),
                    "author_ids": [fields.Command.set(authors.ids)],
                    "description": description,
                }
            )
        )
        material.attachment_ids = (
            request.env["ir.attachment"]
            .sudo()
            .create(
                [
                    {
                        "name": os.path.basename(upload.filename),
                        "datas": base64.b64encode(content),
                        "res_model": "network.material",
                        "res_id": material.id,
                    }
                    for upload, content in files
                ]
            )
        )
        return request.redirect(material.access_url)

    @http.route("/my/network/materials/<int:material_id>", type="http", auth="user", website=True)
    def portal_network_material(self, material_id, access_token=None, error=None, **kw):
        material = self._network_record("network.material", material_id, access_token)
        values = self._get_page_view_values(
            material,
            access_token,
            {"page_name": "network_material", "material": material, "error": error},
            "my_network_materials_history",
            False,
        )
        return request.render("network_methodology.portal_my_network_material", values)

    @http.route(
        "/my/network/materials/<int:material_id>/files/<int:attachment_id>",
        type="http",
        auth="user",
        website=True,
    )
    def portal_network_material_file(self, material_id, attachment_id, access_token=None, **kw):
        # Portal users cannot read attachments by id; the material's access decides.
        material = self._network_record("network.material", material_id, access_token)
        attachment = material.attachment_ids.filtered(lambda a: a.id == attachment_id)
        if not attachment:
            raise NotFound()
        stream = request.env["ir.binary"]._get_stream_from(attachment)
        return stream.get_response(as_attachment=True)

    @http.route(
        "/my/network/materials/<int:material_id>/submit",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_network_material_submit(self, material_id, **post):
        org = self._network_organization()
        material = self._network_record("network.material", material_id)
        if material.organization_id != org:
            raise Forbidden()
        return self._run_action(material, material.action_submit)

    # ------------------------------------------------------------------ teacher's card
    @http.route("/my/network/card", type="http", auth="user", website=True)
    def portal_network_card(self, year_id=None, print_view=None, **kw):
        teacher = self._network_teacher()
        tokens = request.env["network.activity.token"].search(
            [("partner_id", "=", teacher.id), ("state", "!=", "revoked")],
            order="date desc, id desc",
        )
        years = tokens.school_year_id.sorted("date_start", reverse=True)
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "network_card",
                "teacher": teacher,
                "tokens_by_year": [
                    (year, tokens.filtered(lambda t, y=year: t.school_year_id == y).sudo())
                    for year in years
                ],
                "green_count": len(tokens.filtered(lambda t: t.role == "listener")),
                "red_count": len(tokens.filtered(lambda t: t.role == "presenter")),
                "print_view": bool(print_view),
            }
        )
        return request.render("network_methodology.portal_my_network_card", values)


def _state_filters(model):
    """Searchbar filters of a list: all, then one per state."""
    filters = {"all": {"label": _("All"), "domain": []}}
    for state, label in _selection(model, "state"):
        filters[state] = {"label": label, "domain": [("state", "=", state)]}
    return filters


def _selection(model, field):
    """(value, translated label) pairs of a selection field."""
    return request.env[model]._fields[field]._description_selection(request.env)


def _search_domain(path, text):
    """``path`` ilike ``text``. Organization names are matched as superuser: the portal user
    may not read other organizations' contacts, only the records that name them."""
    field, _dot, rest = path.partition(".")
    if field in ORGANIZATION_FIELDS and rest == "name":
        partners = request.env["res.partner"].sudo()._search([("name", "ilike", text)])
        return [(field, "in", partners)]
    return [(path, "ilike", text)]


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def _float(value):
    try:
        return float((value or "").replace(",", "."))
    except ValueError:
        return None


def _quote(text):
    return quote(str(text))


def _material_max_megabytes():
    """Size limit of one uploaded material file (Settings → Network → Portal)."""
    value = (
        request.env["ir.config_parameter"]
        .sudo()
        .get_param("network_methodology.material_max_mb", MATERIAL_DEFAULT_MAX_MB)
    )
    return _int(value) or MATERIAL_DEFAULT_MAX_MB


def _read_uploads(uploads):
    """The uploaded files as (upload, bytes) pairs, and the first error found, if any."""
    uploads = [upload for upload in uploads if upload.filename]
    if not uploads:
        return [], _("Attach at least one file.")
    if len(uploads) > MATERIAL_MAX_FILES:
        return [], _("Attach at most %s files.", MATERIAL_MAX_FILES)
    max_megabytes = _material_max_megabytes()
    max_bytes = max_megabytes * 1024 * 1024
    files = []
    for upload in uploads:
        extension = os.path.splitext(upload.filename)[1].lower()
        if extension not in MATERIAL_EXTENSIONS:
            return [], _("“%s”: this type of file is not accepted.", upload.filename)
        content = upload.read(max_bytes + 1)
        if len(content) > max_bytes:
            return [], _(
                "“%(name)s” is larger than %(size)s MB.", name=upload.filename, size=max_megabytes
            )
        if not content:
            return [], _("“%s” is empty.", upload.filename)
        files.append((upload, content))
    return files, None
