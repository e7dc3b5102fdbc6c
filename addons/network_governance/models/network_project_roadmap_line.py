from datetime import timedelta

from odoo import _, api, fields, models

from odoo.addons.network_methodology.models.res_partner import NETWORK_ORGANIZATION_DOMAIN

# The responsible person is reminded this many days before a road-map deadline.
ROADMAP_REMINDER_DAYS = 7
ROADMAP_ACTIVITY = "network_governance.mail_activity_type_roadmap"
ROADMAP_STATUSES = [
    ("done", "Done"),
    ("overdue", "Overdue"),
    ("due_soon", "Due soon"),
    ("planned", "Planned"),
    ("undated", "No deadline"),
]


class NetworkProjectRoadmapLine(models.Model):
    """A line of a road map (plan 000's stages, Krasnodar's road maps) with the organization
    responsible for it, the events and offers that carry it out, a reminder to the
    responsible person before the deadline, and its place in the calendar."""

    _name = "network.project.roadmap.line"
    _inherit = ["network.project.roadmap.line", "mail.thread", "mail.activity.mixin"]
    _order = "project_id, sequence, date_deadline, id"

    name = fields.Char(tracking=True)
    date_deadline = fields.Date(tracking=True)
    user_id = fields.Many2one(tracking=True)
    is_done = fields.Boolean(tracking=True)
    date_start = fields.Date(string="Start")
    organization_id = fields.Many2one(
        "res.partner",
        string="Responsible Organization",
        index=True,
        tracking=True,
        domain=NETWORK_ORGANIZATION_DOMAIN,
    )
    event_ids = fields.Many2many(
        "event.event",
        "network_roadmap_line_event_rel",
        "line_id",
        "event_id",
        string="Events",
        domain=[("is_network_event", "=", True)],
        help="The network events that carry out the activity.",
    )
    offer_ids = fields.Many2many(
        "network.offer",
        "network_roadmap_line_offer_rel",
        "line_id",
        "offer_id",
        string="Offers",
        help="The offers of experience that carry out the activity.",
    )
    status = fields.Selection(ROADMAP_STATUSES, compute="_compute_status")
    is_overdue = fields.Boolean(compute="_compute_status", search="_search_is_overdue")
    project_leader_id = fields.Many2one(related="project_id.leader_id", string="Project Leader")
    color = fields.Integer(related="project_id.color")

    @api.depends("is_done", "date_deadline")
    def _compute_status(self):
        today = fields.Date.context_today(self)
        soon = today + timedelta(days=ROADMAP_REMINDER_DAYS)
        for line in self:
            if line.is_done:
                status = "done"
            elif not line.date_deadline:
                status = "undated"
            elif line.date_deadline < today:
                status = "overdue"
            elif line.date_deadline <= soon:
                status = "due_soon"
            else:
                status = "planned"
            line.status = status
            line.is_overdue = status == "overdue"

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!="):
            raise NotImplementedError(_("Unsupported search on overdue road-map lines."))
        today = fields.Date.context_today(self)
        if (operator == "=") == bool(value):
            return [("is_done", "=", False), ("date_deadline", "<", today)]
        return [
            "|",
            ("is_done", "=", True),
            "|",
            ("date_deadline", "=", False),
            ("date_deadline", ">=", today),
        ]

    @api.depends("name", "project_id.name")
    def _compute_display_name(self):
        for line in self:
            line.display_name = (
                f"{line.project_id.name} — {line.name}" if line.project_id else line.name
            )

    def write(self, vals):
        result = super().write(vals)
        if vals.get("is_done"):
            self.activity_feedback([ROADMAP_ACTIVITY], feedback=_("Done."))
        elif {"date_deadline", "user_id"} & set(vals):
            self._update_reminders()
        return result

    # ------------------------------------------------------------------ reminders
    def _responsible_user(self):
        self.ensure_one()
        return self.user_id or self.project_id.leader_id

    def _pending_reminders(self):
        activity_type = self.env.ref(ROADMAP_ACTIVITY, raise_if_not_found=False)
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", self._name),
                ("res_id", "in", self.ids),
                ("activity_type_id", "=", activity_type.id if activity_type else False),
            ]
        )

    def _update_reminders(self):
        """A reminder already scheduled follows the line's deadline and responsible person;
        one that is no longer due soon goes away (the daily job schedules it again)."""
        pending = self._pending_reminders().sudo()
        if not pending:
            return
        soon = fields.Date.context_today(self) + timedelta(days=ROADMAP_REMINDER_DAYS)
        lines = {line.id: line for line in self}
        for activity in pending:
            line = lines[activity.res_id]
            if line.is_done or not line.date_deadline or line.date_deadline > soon:
                activity.unlink()
                continue
            user = line._responsible_user()
            activity.write({"date_deadline": line.date_deadline, "user_id": user.id})

    @api.model
    def _cron_deadline_reminders(self):
        """Daily: remind the responsible person of each open line due within a week (or
        overdue) that has no reminder pending. One search, one batch of activities."""
        activity_type = self.env.ref(ROADMAP_ACTIVITY, raise_if_not_found=False)
        if not activity_type:
            return self.env["mail.activity"]
        soon = fields.Date.context_today(self) + timedelta(days=ROADMAP_REMINDER_DAYS)
        lines = self.search([("is_done", "=", False), ("date_deadline", "<=", soon)])
        reminded = set(lines._pending_reminders().mapped("res_id"))
        lines = lines.filtered(lambda line: line.id not in reminded and line._responsible_user())
        model_id = self.env["ir.model"]._get_id(self._name)
        vals_list = []
        for line in lines:
            vals_list.append(
                {
                    "res_model_id": model_id,
                    "res_id": line.id,
                    "activity_type_id": activity_type.id,
                    "summary": _("Road map deadline: %s", line.name),
                    "date_deadline": line.date_deadline,
                    "user_id": line._responsible_user().id,
                    "automated": True,
                }
            )
        return self.env["mail.activity"].sudo().create(vals_list)
