"""The network's portal: what every network page shares. Each document has its own controller
(``portal_<document>.py``) and template file (``views/<model>_portal_templates.xml``); Odoo
merges the controllers into one class, so each adds its home counters through
``_prepare_home_portal_values``."""

from typing import NamedTuple

from werkzeug.exceptions import NotFound

from odoo import _, http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

from ..models.ir_http import NetworkAccessDenied
from ..models.network_portal_mixin import clean_text

# Many2one fields naming an organization, searchable by its name in portal lists.
ORGANIZATION_FIELDS = ("organization_id", "requester_id", "executor_id")
# Messages shown once on the next page (see _network_redirect).
ALERTS_SESSION_KEY = "network_portal_alerts"


def readonly_on_get(_controller):
    """``readonly=`` of a route that shows a form on GET and changes records on POST: the form
    is read from the read replica (``db_replica_host``), the POST runs on the primary. Pages
    that only read are ``readonly=True``; routes that only write (POST) keep the default
    (read/write). ``tests/test_readonly_routes.py`` lists which is which."""
    return request.httprequest.method in ("GET", "HEAD")


class NetworkAccess(NamedTuple):
    """Who asks for a network page: a coordinator acts for ``organization``; a teacher
    belongs to it."""

    role: str  # "coordinator" or "teacher"
    organization: object  # res.partner
    partner: object  # res.partner of the user

    @property
    def coordinated(self):
        """The organization a coordinator acts for; empty for a teacher."""
        return self.organization if self.role == "coordinator" else self.organization.browse()

    @property
    def teacher(self):
        return self.partner if self.role == "teacher" else self.partner.browse()


class NetworkPortal(CustomerPortal):
    """Lists and pages read as the portal user, so record rules decide what exists for them; a
    change goes through the model's own method, on the superuser copy of a record the user may
    read, after checking the side they act for."""

    # ------------------------------------------------------------------ who is asking
    def _network_current_access(self):
        """The portal user's :class:`NetworkAccess`, or None for anyone not acting in the
        network through the portal (internal users, contacts of non-member organizations)."""
        role, organization = request.env.user._network_portal_role()
        if not role:
            return None
        return NetworkAccess(role, organization.with_env(request.env), request.env.user.partner_id)

    def _network_access(self, *roles):
        """The :class:`NetworkAccess` when the page is open to one of ``roles`` (to
        coordinators and teachers when none is given); a 403 page saying why otherwise."""
        access = self._network_current_access()
        if not access:
            raise NetworkAccessDenied("not_member" if request.env.user.share else "internal")
        if roles and access.role not in roles:
            raise NetworkAccessDenied(access.role)
        return access

    def _network_record(self, model, record_id, access_token=None):
        """The record if the user may read it or holds its share token, with superuser rights
        but the user's identity: what a page changes is logged in the chatter as done by the
        portal user (core's check returns it as OdooBot)."""
        try:
            record = self._document_check_access(model, record_id, access_token)
        except (AccessError, MissingError) as error:
            raise NotFound() from error
        return record.with_env(request.env).sudo()

    # ------------------------------------------------------------------ home
    def _prepare_home_portal_values(self, counters):
        """``network_role`` decides which network entries the home page shows."""
        values = super()._prepare_home_portal_values(counters)
        if not counters:  # the page itself; /my/counters answers with counters only
            user = request.env.user
            role, organization = user._network_portal_role()
            values["network_role"] = role
            # a portal contact of a company outside the network may apply to join
            values["network_can_join"] = (
                not role
                and user.share
                and organization != user.partner_id
                and organization.is_company
            )
        return values

    def _network_counters(self, counters, counts):
        """Home counters: ``counts`` maps a counter to ``(roles, function of the access)``;
        the result holds those the page asks for and the user's role may see."""
        access = set(counters) & set(counts) and self._network_current_access()
        if not access:
            return {}
        return {
            key: count(access)
            for key, (roles, count) in counts.items()
            if key in counters and access.role in roles
        }

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
        """Values of a paginated, sortable, searchable portal list (as in project's portal).
        Links to the records carry no share token: the user reads them by the record rules."""
        values = self._prepare_portal_layout_values()
        sortby = sortby if sortby in sortings else next(iter(sortings))
        domain = list(domain)
        if filters:
            filterby = filterby if filterby in filters else next(iter(filters))
            domain += filters[filterby]["domain"]
        search = clean_text(search)
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
    def _network_search_inputs(*pairs):
        """Searchbar inputs from ``(name, label, field path)`` triples."""
        return {
            name: {"input": name, "label": label, "field": field} for name, label, field in pairs
        }

    @staticmethod
    def _network_state_filters(model):
        """Searchbar filters of a list: all, then one per state."""
        filters = {"all": {"label": _("All"), "domain": []}}
        for state, label in selection_options(model, "state"):
            filters[state] = {"label": label, "domain": [("state", "=", state)]}
        return filters

    def _network_page_values(self, record, access_token, values):
        """Values of a document's page (portal chatter set-up included). Previous/next links
        are not offered: core's record pager puts share tokens into them."""
        values = dict(self._prepare_portal_layout_values(), **values)
        return self._get_page_view_values(record, access_token, values, False, False)

    # ------------------------------------------------------------------ changes, messages
    def _prepare_portal_layout_values(self):
        values = super()._prepare_portal_layout_values()
        values["network_alerts"] = request.session.pop(ALERTS_SESSION_KEY, [])
        return values

    def _network_redirect(self, url, error=None, success=None):
        """Redirect to ``url``, which shows ``error`` or ``success`` once: messages go through
        the session, never through the URL."""
        alerts = [("danger", error)] if error else []
        alerts += [("success", success)] if success else []
        if alerts:
            request.session[ALERTS_SESSION_KEY] = [(level, str(text)) for level, text in alerts]
        return request.redirect(url)

    def _network_run(self, record, method, *args, success=None, url=None):
        """Run a model action; a refusal is shown on the record's page and changes nothing."""
        url = url or record.access_url
        try:
            with request.env.cr.savepoint():
                method(*args)
        except (UserError, ValidationError) as error:
            return self._network_redirect(url, error=error.args[0])
        return self._network_redirect(url, success=success)

    # ------------------------------------------------------------------ following
    @http.route(
        "/my/network/<string:path>/<int:record_id>/<any(follow,unfollow):action>",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_network_follow(self, path, record_id, action, **post):
        """Follow or unfollow a network document the user may read (its mails, as in Odoo)."""
        self._network_access()
        models = [
            name
            for name, model in request.env.registry.items()
            if not model._abstract
            and getattr(model, "_network_portal_path", None) == path
            and getattr(model, "_network_mail_subtypes", ())
        ]
        if not models:
            raise NotFound()
        record = self._network_record(models[0], record_id)
        if action == "follow":
            return self._network_run(
                record,
                record.action_network_follow,
                success=_("You will be notified of its changes by mail."),
            )
        return self._network_run(
            record,
            record.action_network_unfollow,
            success=_("You will no longer be notified of its changes."),
        )


def selection_options(model, field):
    """(value, translated label) pairs of a selection field."""
    return request.env[model]._fields[field]._description_selection(request.env)


def form_list(name):
    """The values of a multi-valued form field (checkboxes)."""
    return request.httprequest.form.getlist(name)


def _search_domain(path, text):
    """``path`` ilike ``text``. Organization names are matched as superuser: the portal user
    may not read other organizations' contacts, only the records that name them."""
    field, _dot, rest = path.partition(".")
    if field in ORGANIZATION_FIELDS and rest == "name":
        partners = request.env["res.partner"].sudo()._search([("name", "ilike", text)])
        return [(field, "in", partners)]
    return [(path, "ilike", text)]
