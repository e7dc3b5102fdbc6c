from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_date

from odoo.addons.network_methodology.models.network_portal_mixin import (
    LONG_TEXT_MAX,
    TEXT_MAX,
    clean_text,
)

from .network_mentoring_pair import CLOSED_PAIR_STATES


class NetworkMentoringPlanLine(models.Model):
    """A step of a mentoring pair's plan: what to do by when, whether it is done and with what
    result. A step not done past its deadline in an active pair is overdue: the daily job gives
    the mentor an activity for it (the methodist when the mentor has no account)."""

    _name = "network.mentoring.plan.line"
    _description = "Mentoring Plan Step"
    _order = "pair_id, date_deadline, sequence, id"

    pair_id = fields.Many2one(
        "network.mentoring.pair", required=True, index=True, ondelete="cascade"
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Step", required=True)
    date_deadline = fields.Date(string="Deadline", required=True)
    is_done = fields.Boolean(string="Done", copy=False)
    date_done = fields.Date(string="Done On", readonly=True, copy=False)
    done_by_id = fields.Many2one("res.partner", string="Ticked By", readonly=True, copy=False)
    result = fields.Text(copy=False)
    is_overdue = fields.Boolean(
        string="Overdue", compute="_compute_is_overdue", search="_search_is_overdue"
    )
    overdue_notified = fields.Boolean(
        readonly=True,
        copy=False,
        help="The activity for this overdue step was scheduled (again after a new deadline).",
    )
    activity_ids = fields.One2many(
        "mail.activity", "network_plan_line_id", string="Reminders", readonly=True
    )
    pair_state = fields.Selection(related="pair_id.state", string="Pair Status")
    company_id = fields.Many2one(related="pair_id.company_id", store=True)

    @api.depends("is_done", "date_deadline", "pair_id.state")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for line in self:
            line.is_overdue = bool(
                not line.is_done
                and line.date_deadline
                and line.date_deadline < today
                and line.pair_id.state == "active"
            )

    @api.model
    def _overdue_domain(self):
        return [
            ("is_done", "=", False),
            ("date_deadline", "<", fields.Date.context_today(self)),
            ("pair_id.state", "=", "active"),
        ]

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Search overdue steps with “is set” or “is not set”."))
        overdue = self._overdue_domain()
        if (operator == "=") == value:
            return overdue
        return [("id", "not in", self._search(overdue))]

    # ------------------------------------------------------------------ changes
    def _check_pair_open(self):
        closed = self.pair_id.filtered(lambda p: p.state in CLOSED_PAIR_STATES)
        if closed:
            raise UserError(
                _(
                    "The plan of a finished or cancelled pair does not change (“%s”).",
                    closed[0].name,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._check_pair_open()
        return lines

    def write(self, vals):
        self._check_pair_open()
        vals = dict(vals)
        if "date_deadline" in vals:
            # a new deadline: a new reminder when it is missed
            vals["overdue_notified"] = False
        if "is_done" in vals:
            # ticked in the portal or in the backend: the same rule and the same trace
            if self.pair_id.filtered(lambda p: p.state != "active"):
                raise UserError(_("Steps are ticked while the pair is active."))
            done = bool(vals["is_done"])
            vals.setdefault("date_done", fields.Date.context_today(self) if done else False)
            vals.setdefault("done_by_id", self.env.user.partner_id.id if done else False)
        res = super().write(vals)
        if vals.get("is_done"):
            activities = self.sudo().activity_ids
            if activities:
                activities.action_feedback(feedback=vals.get("result") or _("The step is done."))
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_open_pair_only(self):
        self._check_pair_open()

    def action_mark_done(self, result=None, partner=None):
        """Tick the step as done, with its result, in an active pair; its overdue reminder is
        done too. ``partner`` is who ticked it (the current user's contact by default)."""
        for line in self:
            if line.pair_id.state != "active":
                raise UserError(_("Steps are ticked while the pair is active."))
            if line.is_done:
                raise UserError(_("The step “%s” is already done.", line.name))
        self.write(
            {
                "is_done": True,
                "result": result or False,
                "done_by_id": partner.id if partner else self.env.user.partner_id.id,
            }
        )
        return True

    def action_mark_undone(self):
        """Untick a step of an active pair."""
        for line in self:
            if line.pair_id.state != "active":
                raise UserError(_("Steps are unticked while the pair is active."))
            if not line.is_done:
                raise UserError(_("The step “%s” is not done.", line.name))
        self.write({"is_done": False})
        return True

    # ------------------------------------------------------------------ overdue steps
    @api.model
    def _cron_notify_overdue(self):
        """Daily: an activity on the pair for each newly overdue step, for the mentor's user
        (the pair's methodist when the mentor has none)."""
        lines = self.search([*self._overdue_domain(), ("overdue_notified", "=", False)])
        lines._schedule_overdue_activities()
        return True

    def _schedule_overdue_activities(self):
        if not self:
            return self.env["mail.activity"]
        todo = self.env.ref("mail.mail_activity_data_todo", raise_if_not_found=False)
        model_id = self.env["ir.model"]._get_id("network.mentoring.pair")
        # one query per relation, whatever the number of steps
        self.pair_id.mentor_id.user_ids.fetch(["active", "lang"])
        vals_list = []
        for line in self:
            pair = line.pair_id
            user = pair.mentor_id.user_ids[:1] or pair.methodist_id or pair.create_uid
            # in the language of the one who gets it
            env = line.with_context(lang=user.lang or self.env.lang).env
            vals_list.append(
                {
                    "res_model_id": model_id,
                    "res_id": pair.id,
                    "activity_type_id": todo.id if todo else False,
                    "summary": env._("Overdue mentoring step: %s", line.name),
                    "note": env._(
                        "The step of the plan of %(pair)s was due on %(deadline)s.",
                        pair=pair.name,
                        deadline=format_date(env, line.date_deadline),
                    ),
                    "date_deadline": line.date_deadline,
                    "user_id": user.id,
                    "automated": True,
                    "network_plan_line_id": line.id,
                }
            )
        activities = self.env["mail.activity"].sudo().create(vals_list)
        self.sudo().write({"overdue_notified": True})
        return activities

    # ------------------------------------------------------------------ portal
    @api.model
    def _portal_prepare_values(self, post, pair):
        """A step the mentor adds in the portal: its text and deadline, and the errors by
        field."""
        errors = {}
        name = clean_text(post.get("name"))
        if not name:
            errors["name"] = _("Describe the step.")
        elif len(name) > TEXT_MAX:
            errors["name"] = _("The step is longer than %s characters.", TEXT_MAX)
        deadline = None
        try:
            deadline = fields.Date.to_date(clean_text(post.get("date_deadline")) or None)
        except ValueError:
            deadline = None
        if not deadline:
            errors["date_deadline"] = _("Enter the deadline of the step.")
        elif deadline < pair.date_start or (pair.date_end and deadline > pair.date_end):
            errors["date_deadline"] = _("The deadline lies within the period of the pair.")
        return {"name": name, "date_deadline": deadline}, errors

    @api.model
    def _portal_prepare_result(self, post):
        """The result typed when ticking a step, and the errors by field."""
        result = clean_text(post.get("result"))
        errors = {}
        if len(result) > LONG_TEXT_MAX:
            errors["result"] = _("The result is longer than %s characters.", LONG_TEXT_MAX)
        return result, errors

    @api.constrains("date_deadline", "pair_id")
    def _check_deadline(self):
        for line in self:
            pair = line.pair_id
            if line.date_deadline < pair.date_start:
                raise ValidationError(
                    _("The step “%s” cannot be due before the pair starts.", line.name)
                )
