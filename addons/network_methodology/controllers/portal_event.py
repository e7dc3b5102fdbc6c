from werkzeug.exceptions import Forbidden

from odoo import _, fields, http
from odoo.http import request

from ..models.network_portal_mixin import to_int
from .portal import NetworkPortal, form_list, readonly_on_get


class NetworkEventPortal(NetworkPortal):
    """Network events: a coordinator registers the organization's teachers and sees their
    attendance; a teacher registers or cancels for themselves."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        Event = request.env["event.event"]
        values.update(
            self._network_counters(
                counters,
                {
                    "network_event_count": (
                        ("coordinator", "teacher"),
                        lambda a: Event.search_count(self._network_events_domain(a)),
                    )
                },
            )
        )
        return values

    def _network_events_domain(self, access):
        return request.env["event.event"]._network_portal_domain(access.partner, access.coordinated)

    def _get_network_event_searchbar_sortings(self):
        return {
            "date": {"label": _("Date"), "order": "date_begin desc"},
            "name": {"label": _("Title"), "order": "name"},
        }

    def _get_network_event_searchbar_filters(self):
        now = fields.Datetime.now()
        return {
            "all": {"label": _("All"), "domain": []},
            "upcoming": {"label": _("Upcoming"), "domain": [("date_end", ">=", now)]},
            "past": {"label": _("Past"), "domain": [("date_end", "<", now)]},
        }

    @http.route(
        ["/my/network/events", "/my/network/events/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_network_events(self, page=1, sortby=None, filterby=None, search=None, **kw):
        access = self._network_access()
        values = self._network_list(
            "event.event",
            self._network_events_domain(access),
            "/my/network/events",
            page,
            self._get_network_event_searchbar_sortings(),
            sortby,
            self._network_search_inputs(("name", _("Title"), "name")),
            "name",
            search,
            self._get_network_event_searchbar_filters(),
            filterby,
        )
        registered = request.env["event.registration"].search(
            [
                ("event_id", "in", values["records"].ids),
                ("partner_id", "=", access.partner.id),
                ("state", "!=", "cancel"),
            ]
        )
        values.update(
            {
                "page_name": "network_events",
                "registered_events": registered.sudo().event_id,
                "is_teacher": access.role == "teacher",
            }
        )
        return request.render("network_methodology.portal_my_network_events", values)

    @http.route(
        "/my/network/events/<int:event_id>", type="http", auth="user", website=True, readonly=True
    )
    def portal_network_event(self, event_id, **kw):
        access = self._network_access()
        event = self._network_record("event.event", event_id)
        registrations = request.env["event.registration"].search(
            [("event_id", "=", event.id), ("state", "!=", "cancel")], order="name"
        )
        organization = access.coordinated.sudo()
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "network_event",
                "event": event,
                "organization": organization,
                "registrations": registrations.sudo(),
                "teacher": access.teacher,
                "unregistered_teachers": organization.teacher_ids - registrations.sudo().partner_id,
                "event_started": event.date_begin <= fields.Datetime.now(),
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
        access = self._network_access()
        event = self._network_record("event.event", event_id)
        if access.role == "coordinator":
            wanted = {to_int(value) for value in form_list("teacher_ids")}
            teachers = access.organization.sudo().teacher_ids.filtered(lambda t: t.id in wanted)
            if len(teachers) != len(wanted):
                raise Forbidden()
        else:
            teachers = access.partner.sudo()
        url = f"/my/network/events/{event.id}"
        if not teachers:
            return self._network_redirect(url, error=_("Choose at least one teacher."))
        if action == "register":
            method, success = event._register_teachers, _("Registered.")
        else:
            method, success = event._unregister_teachers, _("The registration is cancelled.")
        return self._network_run(event, method, teachers, success=success, url=url)

    # ------------------------------------------------------------------ the host's attendance
    @http.route(
        "/my/network/events/<int:event_id>/attendance",
        type="http",
        auth="user",
        website=True,
        methods=["GET", "POST"],
        readonly=readonly_on_get,
    )
    def portal_network_event_attendance(self, event_id, **post):
        """The host's coordinator marks who came to the held event; the centre then issues
        the tokens."""
        access = self._network_access("coordinator")
        event = self._network_record("event.event", event_id)
        if event.host_organization_id != access.organization:
            raise Forbidden()
        url = f"/my/network/events/{event.id}/attendance"
        registrations = request.env["event.registration"].search(
            [("event_id", "=", event.id), ("state", "!=", "cancel")], order="name"
        )
        if request.httprequest.method == "POST":
            wanted = {to_int(value) for value in form_list("registration_ids")}
            attended = registrations.filtered(lambda r: r.id in wanted)
            if len(attended) != len(wanted):
                raise Forbidden()
            return self._network_run(
                event,
                event._set_attendance,
                attended.sudo(),
                success=_("Attendance saved: the centre issues the tokens."),
                url=url,
            )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "network_event_attendance",
                "event": event,
                "registrations": registrations.sudo(),
                "event_started": event.date_begin <= fields.Datetime.now(),
            }
        )
        return request.render("network_methodology.portal_network_event_attendance", values)
