from datetime import timedelta

import pytz

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import notification, plural
from .network_offer import EVENT_FORMS
from .res_partner import NETWORK_ORGANIZATION_DOMAIN


class EventEvent(models.Model):
    _name = "event.event"
    _inherit = ["event.event", "network.school.year.mixin"]
    _school_year_date_field = "date_begin"

    is_network_event = fields.Boolean(string="Network Event", index=True, tracking=True)
    event_form = fields.Selection(EVENT_FORMS, string="Form")
    host_organization_id = fields.Many2one(
        "res.partner",
        index=True,
        tracking=True,
        domain=NETWORK_ORGANIZATION_DOMAIN,
    )
    cohost_organization_ids = fields.Many2many(
        "res.partner",
        "event_event_network_cohost_rel",
        "event_id",
        "partner_id",
        string="Co-hosts",
        domain=NETWORK_ORGANIZATION_DOMAIN,
        help="Other organizations whose resources the event uses (rulebook 3.2.3); for the "
        "«Network platform» status their presenters count as for the host.",
    )
    offer_id = fields.Many2one("network.offer", index=True)
    request_ids = fields.One2many("network.request", "event_id", string="Requests")
    project_id = fields.Many2one("network.project", string="Sub-project", index=True)
    presenter_ids = fields.Many2many(
        "res.partner",
        "event_event_network_presenter_rel",
        "event_id",
        "partner_id",
        string="Presenters",
        help="Teachers passing on their experience at this event (red tokens).",
    )
    token_ids = fields.One2many("network.activity.token", "event_id", string="Tokens")
    token_count = fields.Integer(compute="_compute_token_count")
    tokens_issued = fields.Boolean(readonly=True, copy=False)

    def _compute_token_count(self):
        counts = dict(
            self.env["network.activity.token"]._read_group(
                [("event_id", "in", self.ids)], ["event_id"], ["__count"]
            )
        )
        for event in self:
            event.token_count = counts.get(event, 0)

    def _school_year_day(self):
        # The local day of the event decides: 1 Sep 01:00 in Perm is still 31 Aug in UTC.
        self.ensure_one()
        if not self.date_begin:
            return False
        local = pytz.utc.localize(self.date_begin).astimezone(pytz.timezone(self.date_tz or "UTC"))
        return local.date()

    @api.depends("date_begin", "date_tz")
    def _compute_school_year_id(self):
        return super()._compute_school_year_id()

    def _compute_event_mail_ids(self):
        # Core's default schedulers mail a PDF ticket per attendee; network events keep
        # only what their template (if any) asks for.
        network = self.filtered(lambda e: e.is_network_event and not e.event_type_id)
        return super(EventEvent, self - network)._compute_event_mail_ids()

    @api.constrains("presenter_ids", "host_organization_id", "is_network_event")
    def _check_presenters(self):
        for event in self.filtered("is_network_event"):
            strangers = event.presenter_ids.filtered(lambda p: not p.is_teacher)
            if strangers:
                raise ValidationError(
                    _(
                        "%(names)s cannot present at “%(event)s”: presenters must be teachers.",
                        names=", ".join(strangers.mapped("name")),
                        event=event.name,
                    )
                )

    def action_issue_tokens(self):
        """Button: issue the tokens of the held events and say how many."""
        tokens = self._issue_tokens()
        if not tokens:
            return notification(
                _("Every attendee and presenter already has their token: nothing new to issue."),
                "info",
            )
        green = len(tokens.filtered(lambda t: t.role == "listener"))
        green_tokens = plural(self.env, green, _("green token|green tokens"))
        red_tokens = plural(self.env, len(tokens) - green, _("red token|red tokens"))
        return notification(
            _("Tokens issued: %(green)s, %(red)s.", green=green_tokens, red=red_tokens)
        )

    def _issue_tokens(self):
        """Give green tokens to attending teachers and red tokens to presenters; return them.

        Idempotent: tokens that already exist are not created again. Linked requests
        become carried out and the events move to the held stage."""
        not_network = self.filtered(lambda e: not e.is_network_event)
        if not_network:
            raise UserError(
                _("“%s” is not a network event: it gives no tokens.", not_network[0].name)
            )
        now = fields.Datetime.now()
        future = self.filtered(lambda e: e.date_begin > now)
        if future:
            raise UserError(
                _(
                    "“%s” has not taken place yet: tokens are issued after the event.",
                    future[0].name,
                )
            )
        Token = self.env["network.activity.token"]
        existing = {
            (t.partner_id.id, t.event_id.id, t.role)
            for t in Token.with_context(active_test=False).search([("event_id", "in", self.ids)])
        }
        attended = self.env["event.registration"].search(
            [
                ("event_id", "in", self.ids),
                ("state", "=", "done"),
                ("partner_id.is_teacher", "=", True),
            ]
        )
        vals_list = []

        def add(partner, event, role):
            key = (partner.id, event.id, role)
            if key not in existing:
                existing.add(key)
                vals_list.append(
                    {
                        "partner_id": partner.id,
                        "organization_id": partner.parent_id.id,
                        "event_id": event.id,
                        "role": role,
                        "date": event._school_year_day(),
                    }
                )

        for event in self:
            for presenter in event.presenter_ids:
                add(presenter, event, "presenter")
        for registration in attended:
            # A presenter earns the red token only, not a green one for the same event.
            if registration.partner_id not in registration.event_id.presenter_ids:
                add(registration.partner_id, registration.event_id, "listener")
        tokens = Token.create(vals_list)
        # one mail per teacher and event (a teacher earns one token per event), in batch
        mailed = tokens.filtered(lambda t: t.partner_id.email)
        if mailed:
            self.env.ref("network_methodology.mail_template_network_token_issued").send_mail_batch(
                mailed.ids
            )
        self.write({"tokens_issued": True})
        self.action_set_done()  # core: the first «ended» stage
        self.request_ids._action_done()
        return tokens

    def action_mark_all_attended(self):
        """Button of the attendance sheet: everybody registered attended."""
        registrations = self.registration_ids.filtered(lambda r: r.state == "open")
        registrations.action_set_done()
        return notification(
            _("Attended: %s.", plural(self.env, len(registrations), _("teacher|teachers")))
            if registrations
            else _("Nobody registered is left to mark."),
            "success" if registrations else "info",
        )

    @api.model
    def _network_planned_domain(self):
        """Network events still to come: not held, no tokens issued."""
        return [
            ("is_network_event", "=", True),
            ("tokens_issued", "=", False),
            ("date_end", ">", fields.Datetime.now()),
        ]

    @api.model
    def _network_portal_domain(self, partner, organization):
        """The network events in a portal user's list: for the coordinator of
        ``organization``, those it hosts or requested and those its teachers are registered
        for; for a teacher (``partner``, no organization), those they registered for and every
        upcoming one."""
        if organization:
            return [
                "|",
                "|",
                "|",
                ("host_organization_id", "=", organization.id),
                ("cohost_organization_ids", "in", organization.ids),
                ("request_ids.requester_id", "=", organization.id),
                ("registration_ids.partner_id.parent_id", "=", organization.id),
            ]
        return [
            "|",
            ("registration_ids.partner_id", "=", partner.id),
            ("date_end", ">=", fields.Datetime.now()),
        ]

    def _register_teachers(self, teachers, state="open"):
        """Register teachers as attendees of the network event (the portal registers a
        coordinator's colleagues or a teacher themselves; the centre also records who came to
        a held event, ``state="done"``); those already registered are left alone. Returns the
        new registrations."""
        self.ensure_one()
        if not self.is_network_event:
            raise UserError(_("“%s” is not a network event.", self.name))
        if state == "open" and not self.event_registrations_open:
            raise UserError(_("Registration for “%s” is closed.", self.name))
        if not teachers or teachers.filtered(lambda p: not p.is_teacher):
            raise ValidationError(_("Only teachers can be registered for network events."))
        registered = self.registration_ids.filtered(lambda r: r.state != "cancel").partner_id
        return self.env["event.registration"].create(
            [
                {"event_id": self.id, "partner_id": teacher.id, "state": state}
                for teacher in teachers - registered
            ]
        )

    def _unregister_teachers(self, teachers):
        """Cancel the teachers' registrations before the event starts."""
        self.ensure_one()
        if self.date_begin <= fields.Datetime.now():
            raise UserError(
                _("“%s” has started: registrations can no longer be cancelled.", self.name)
            )
        registrations = self.registration_ids.filtered(
            lambda r: r.partner_id in teachers and r.state in ("draft", "open")
        )
        if not registrations:
            raise UserError(_("Nobody of those is registered for “%s”.", self.name))
        registrations.action_cancel()
        return True

    def _set_attendance(self, attended):
        """Record who came to the held network event: the registrations ``attended`` are
        marked attended, the event's other registrations (not cancelled) not attended. Final
        once the tokens are issued. Returns the number attended."""
        self.ensure_one()
        if not self.is_network_event:
            raise UserError(_("“%s” is not a network event.", self.name))
        if self.date_begin > fields.Datetime.now():
            raise UserError(_("Attendance is marked once “%s” has started.", self.name))
        if self.tokens_issued:
            raise UserError(_("The tokens of “%s” are issued: its attendance is final.", self.name))
        registrations = self.registration_ids.filtered(lambda r: r.state != "cancel")
        if attended - registrations:
            raise ValidationError(_("Only the event's registrations can be marked attended."))
        attended.filtered(lambda r: r.state != "done").write({"state": "done"})
        (registrations - attended).filtered(lambda r: r.state == "done").write({"state": "open"})
        return len(attended)

    @api.model
    def _cron_network_reminders(self):
        """Remind the teachers registered for a network event starting within a day, once."""
        now = fields.Datetime.now()
        registrations = self.env["event.registration"].search(
            [
                ("event_id.is_network_event", "=", True),
                ("event_id.date_begin", ">", now),
                ("event_id.date_begin", "<=", now + timedelta(days=1)),
                ("state", "=", "open"),
                ("network_reminder_sent", "=", False),
                ("partner_id.email", "!=", False),
            ]
        )
        if registrations:
            template = self.env.ref("network_methodology.mail_template_network_event_reminder")
            template.send_mail_batch(registrations.ids)
            registrations.network_reminder_sent = True
        return registrations

    def _network_form_action(self):
        """The action opening the events in the network event form."""
        return self._get_records_action(
            name=_("Network Event"),
            views=[(self.env.ref("network_methodology.event_event_view_form_network").id, "form")]
            if len(self) == 1
            else [(False, "list"), (False, "form")],
        )

    def action_view_tokens(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "network_methodology.network_activity_token_action"
        )
        action["domain"] = [("event_id", "=", self.id)]
        return action
