from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL, format_date, is_html_empty

# The secretary has a week after the meeting to get its minutes approved.
MINUTES_APPROVAL_DAYS = 7
MINUTES_ACTIVITY = "network_governance.mail_activity_type_minutes"
# What the approved minutes record once and for all (the signed scan comes afterwards).
FROZEN_MEETING_FIELDS = {
    "council_id",
    "date",
    "location",
    "attendee_ids",
    "agenda_line_ids",
    "minutes",
}
MEETING_STATES = [
    ("planned", "Planned"),
    ("held", "Held"),
    ("approved", "Minutes approved"),
    ("cancelled", "Cancelled"),
]


class NetworkCouncilMeeting(models.Model):
    """A meeting of a council: planned with its agenda, held with the members present (more
    than half of the members make a quorum), then its minutes are approved and numbered."""

    _name = "network.council.meeting"
    _description = "Council Meeting"
    _network_portal_path = "meetings"
    _inherit = [
        "network.portal.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "network.school.year.mixin",
    ]
    _school_year_date_field = "date"
    _order = "date desc, id desc"
    _rec_names_search = ["council_id.name", "minutes_number"]
    _check_company_auto = True

    council_id = fields.Many2one(
        "network.council",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        check_company=True,
    )
    council_kind = fields.Selection(related="council_id.council_kind", store=True)
    date = fields.Datetime(required=True, default=fields.Datetime.now, tracking=True)
    location = fields.Char()
    agenda_line_ids = fields.One2many(
        "network.council.agenda.line", "meeting_id", string="Agenda", copy=True
    )
    member_partner_ids = fields.Many2many(
        "res.partner", compute="_compute_member_partner_ids", string="Council Members"
    )
    attendee_ids = fields.Many2many(
        "res.partner",
        "network_council_meeting_attendee_rel",
        "meeting_id",
        "partner_id",
        string="Present",
        help="The members present and the invited speakers.",
    )
    members_present = fields.Integer(compute="_compute_quorum")
    member_count = fields.Integer(compute="_compute_quorum", string="Members")
    quorum_met = fields.Boolean(
        compute="_compute_quorum", help="More than half of the council's members are present."
    )
    minutes = fields.Html(help="The minutes: who reported, what was discussed, what was decided.")
    minutes_scan = fields.Binary(string="Signed Minutes", attachment=True, copy=False)
    minutes_scan_filename = fields.Char(copy=False)
    minutes_number = fields.Char(readonly=True, copy=False, index=True, tracking=True)
    minutes_date = fields.Date(string="Approved on", readonly=True, copy=False)
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    state = fields.Selection(
        MEETING_STATES,
        default="planned",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
        group_expand=True,
    )
    decision_ids = fields.One2many(
        "network.council.decision", "meeting_id", string="Platform Decisions", readonly=True
    )
    order_ids = fields.One2many("network.order", "meeting_id", string="Orders", readonly=True)
    company_id = fields.Many2one(related="council_id.company_id", store=True, index=True)

    @api.depends("council_id.member_ids.partner_id")
    def _compute_member_partner_ids(self):
        for meeting in self:
            meeting.member_partner_ids = meeting.council_id.member_ids.partner_id

    @api.depends("attendee_ids", "council_id.member_ids.partner_id")
    def _compute_quorum(self):
        for meeting in self:
            members = meeting.council_id.member_ids.partner_id
            present = meeting.attendee_ids & members
            meeting.members_present = len(present)
            meeting.member_count = len(members)
            meeting.quorum_met = bool(members) and 2 * len(present) > len(members)

    @api.depends("council_id.name", "date", "minutes_number")
    def _compute_display_name(self):
        for meeting in self:
            day = (
                format_date(self.env, fields.Datetime.context_timestamp(meeting, meeting.date))
                if meeting.date
                else ""
            )
            name = f"{meeting.council_id.name or ''}, {day}"
            if meeting.minutes_number:
                name = _(
                    "%(name)s (minutes No. %(number)s)", name=name, number=meeting.minutes_number
                )
            meeting.display_name = name

    def write(self, vals):
        if FROZEN_MEETING_FIELDS & set(vals) and any(m.state == "approved" for m in self):
            raise UserError(
                _("Approved minutes cannot be changed; only their signed scan can be attached.")
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_not_held(self):
        if any(meeting.state in ("held", "approved") for meeting in self):
            raise UserError(_("A meeting that took place cannot be deleted."))

    # ------------------------------------------------------------------ actions
    def _check_states(self, allowed, message):
        """Refuse when a meeting is not in one of the ``allowed`` states; ``message`` gives
        the refusal for the meeting's name."""
        wrong = self.filtered(lambda m: m.state not in allowed)
        if wrong:
            raise UserError(message(wrong[0].display_name))

    def action_hold(self):
        """The meeting took place with a quorum: the secretary is reminded to get its minutes
        approved."""
        self._check_states(
            ("planned",), lambda name: _("Only a planned meeting can be held (%s).", name)
        )
        now = fields.Datetime.now()
        for meeting in self:
            if meeting.date > now:
                raise UserError(
                    _(
                        "The meeting %s has not begun yet: record it as held once it took place.",
                        meeting.display_name,
                    )
                )
            if not meeting.agenda_line_ids:
                raise UserError(_("The agenda of %s is empty.", meeting.display_name))
            if not meeting.quorum_met:
                raise UserError(
                    _(
                        "No quorum at %(meeting)s: %(present)s of %(members)s members present, "
                        "more than half must attend.",
                        meeting=meeting.display_name,
                        present=meeting.members_present,
                        members=meeting.member_count,
                    )
                )
        self.write({"state": "held"})
        self._schedule_minutes_reminders()
        return True

    def _lock(self):
        """Lock the meetings' rows: of two transactions approving the same meeting, the
        second waits for the first and then fails (its snapshot is outdated) instead of
        numbering the minutes twice."""
        self.env.cr.execute(
            SQL(
                "SELECT id FROM network_council_meeting WHERE id IN %s FOR NO KEY UPDATE",
                tuple(self.ids),
            )
        )
        self.invalidate_recordset(["state"])

    def action_approve(self):
        """Approve the minutes: each meeting gets the next number of its council's minutes."""
        if not self:
            return True
        self.check_access("write")
        self._lock()
        self._check_states(
            ("held",),
            lambda name: _("Only the minutes of a held meeting can be approved (%s).", name),
        )
        for meeting in self:
            if is_html_empty(meeting.minutes):
                raise UserError(
                    _("Write the minutes of %s before approving them.", meeting.display_name)
                )
            undecided = meeting.agenda_line_ids.filtered(
                lambda line: not (line.decision or "").strip()
            )
            if undecided:
                raise UserError(
                    _(
                        "Record the decision on the item “%(item)s” of %(meeting)s.",
                        item=undecided[0].name,
                        meeting=meeting.display_name,
                    )
                )
        today = fields.Date.context_today(self)
        for meeting in self.sorted(lambda m: (m.date, m.id)):
            meeting.write(
                {
                    "state": "approved",
                    "minutes_number": meeting.council_id._next_minutes_number(),
                    "minutes_date": today,
                    "approved_by_id": self.env.uid,
                }
            )
        self.activity_feedback([MINUTES_ACTIVITY], feedback=_("Minutes approved."))
        return True

    def action_cancel(self):
        self._check_states(
            ("planned",), lambda name: _("Only a planned meeting can be cancelled (%s).", name)
        )
        self.write({"state": "cancelled"})
        return True

    def action_reset_to_planned(self):
        self._check_states(
            ("held", "cancelled"),
            lambda name: _("Only a held or cancelled meeting can be planned again (%s).", name),
        )
        self.activity_unlink([MINUTES_ACTIVITY])
        self.write({"state": "planned"})
        return True

    # ------------------------------------------------------------------ reminders
    def _schedule_minutes_reminders(self):
        """An activity «Approve the minutes» for each held meeting that has none pending,
        due a week after the meeting (today at the earliest), for the council's secretary."""
        activity_type = self.env.ref(MINUTES_ACTIVITY, raise_if_not_found=False)
        if not activity_type:
            return self.env["mail.activity"]
        held = self.filtered(lambda m: m.state == "held")
        pending = self.env["mail.activity"].search(
            [
                ("res_model", "=", self._name),
                ("res_id", "in", held.ids),
                ("activity_type_id", "=", activity_type.id),
            ]
        )
        waiting = held.filtered(lambda m: m.id not in set(pending.mapped("res_id")))
        if not waiting:
            return self.env["mail.activity"]
        today = fields.Date.context_today(self)
        model_id = self.env["ir.model"]._get_id(self._name)
        vals_list = []
        for meeting in waiting:
            vals_list.append(
                {
                    "res_model_id": model_id,
                    "res_id": meeting.id,
                    "activity_type_id": activity_type.id,
                    "summary": _("Approve the minutes of %s", meeting.display_name),
                    "date_deadline": max(
                        today, meeting.date.date() + timedelta(days=MINUTES_APPROVAL_DAYS)
                    ),
                    "user_id": meeting.council_id._reminder_user().id,
                    "automated": True,
                }
            )
        return self.env["mail.activity"].sudo().create(vals_list)

    @api.model
    def _cron_remind_minutes(self):
        """Daily: every held meeting whose minutes are not approved has its reminder."""
        self.search([("state", "=", "held")])._schedule_minutes_reminders()

    # ------------------------------------------------------------------ portal
    def _network_portal_parties(self):
        return self.council_id._network_portal_parties()
