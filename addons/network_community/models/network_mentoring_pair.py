from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.network_methodology.models.network_portal_mixin import LONG_TEXT_MAX, clean_text

MENTORING_FORMS = [
    ("teacher_teacher", "Teacher – teacher"),
    ("head_teacher", "Head – teacher"),
    ("teacher_student_teacher", "Teacher – student teacher"),
    ("peer", "Peer to peer"),
]
PAIR_STATES = [
    ("draft", "Draft"),
    ("active", "Active"),
    ("done", "Finished"),
    ("cancelled", "Cancelled"),
]
OUTCOMES = [
    ("achieved", "Goal achieved"),
    ("partial", "Goal partly achieved"),
    ("not_achieved", "Goal not achieved"),
]
# The mentee's rating of the mentoring, 1 to 5 stars ("0": not rated yet).
RATINGS = [
    ("0", "Not rated"),
    ("1", "Poor"),
    ("2", "Fair"),
    ("3", "Good"),
    ("4", "Very good"),
    ("5", "Excellent"),
]
# Pairs whose plan can still change; pairs that are over.
OPEN_PAIR_STATES = ("draft", "active")
CLOSED_PAIR_STATES = ("done", "cancelled")


class NetworkMentoringPair(models.Model):
    """A mentoring pair of the target mentoring model: a mentor and a mentee (teachers), the
    form, the period and the goal, a plan of steps with deadlines and results, and at the end
    the outcome and the mentee's rating. A mentee has at most one active pair per mentor (also
    in the database)."""

    _name = "network.mentoring.pair"
    _description = "Mentoring Pair"
    _network_portal_path = "mentoring"
    _inherit = [
        "network.portal.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "network.school.year.mixin",
    ]
    _school_year_date_field = "date_start"
    _order = "date_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    mentor_id = fields.Many2one(
        "res.partner",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
        domain=[("is_teacher", "=", True), ("is_mentor", "=", True)],
    )
    mentee_id = fields.Many2one(
        "res.partner",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
        domain=[("is_teacher", "=", True)],
    )
    mentor_organization_id = fields.Many2one(
        related="mentor_id.parent_id", string="Mentor's Organization", store=True, index=True
    )
    mentee_organization_id = fields.Many2one(
        related="mentee_id.parent_id", string="Mentee's Organization", store=True, index=True
    )
    mentoring_form = fields.Selection(
        MENTORING_FORMS, string="Form", required=True, default="teacher_teacher", tracking=True
    )
    community_id = fields.Many2one(
        "network.community",
        index=True,
        help="The community the pair works in, e.g. the school of the young teacher.",
    )
    methodist_id = fields.Many2one(
        "res.users",
        string="Coordinating Methodist",
        tracking=True,
        domain=[("share", "=", False)],
        default=lambda self: self.env["network.community"]._default_methodist(),
        help="Gets the activity of an overdue step when the mentor has no user account.",
    )
    date_start = fields.Date(
        string="Start", required=True, default=fields.Date.context_today, tracking=True
    )
    date_end = fields.Date(string="End", tracking=True)
    goal = fields.Text(tracking=True)
    plan_line_ids = fields.One2many(
        "network.mentoring.plan.line", "pair_id", string="Plan", copy=True
    )
    outcome = fields.Selection(OUTCOMES, tracking=True)
    outcome_note = fields.Text(string="Results")
    mentee_rating = fields.Selection(
        RATINGS,
        string="Mentee's Rating",
        default="0",
        help="How the mentee rates the mentoring, from 1 to 5.",
    )
    cancel_reason = fields.Text(readonly=True, copy=False)
    state = fields.Selection(
        PAIR_STATES,
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        group_expand=True,
        index=True,
    )
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)
    step_count = fields.Integer(string="Steps", compute="_compute_steps")
    step_done_count = fields.Integer(string="Steps Done", compute="_compute_steps")
    step_overdue_count = fields.Integer(string="Overdue Steps", compute="_compute_steps")
    has_overdue_steps = fields.Boolean(
        compute="_compute_steps",
        search="_search_has_overdue_steps",
        help="An active pair with a step not done past its deadline.",
    )
    progress = fields.Float(string="Progress (%)", compute="_compute_steps")

    _sql_constraints = [
        (
            "one_active_pair",
            "EXCLUDE USING btree (mentor_id WITH =, mentee_id WITH =) WHERE (state = 'active')",
            "The mentee already has an active pair with this mentor.",
        ),
        (
            "mentor_not_mentee",
            "CHECK(mentor_id != mentee_id)",
            "A teacher cannot mentor themselves.",
        ),
        (
            "dates_check",
            "CHECK(date_end IS NULL OR date_end >= date_start)",
            "A mentoring pair cannot end before it starts.",
        ),
    ]

    @api.depends("mentor_id.name", "mentee_id.name")
    def _compute_name(self):
        for pair in self:
            pair.name = f"{pair.mentor_id.name or ''} → {pair.mentee_id.name or ''}"

    @api.depends("plan_line_ids.is_done", "plan_line_ids.date_deadline", "state")
    def _compute_steps(self):
        today = fields.Date.context_today(self)
        for pair in self:
            lines = pair.plan_line_ids
            done = lines.filtered("is_done")
            overdue = (
                (lines - done).filtered(lambda line: line.date_deadline < today)
                if pair.state == "active"
                else lines.browse()
            )
            pair.step_count = len(lines)
            pair.step_done_count = len(done)
            pair.step_overdue_count = len(overdue)
            pair.has_overdue_steps = bool(overdue)
            pair.progress = 100.0 * len(done) / len(lines) if lines else 0.0

    def _search_has_overdue_steps(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Search overdue steps with “is set” or “is not set”."))
        positive = (operator == "=") == value
        return [("plan_line_ids", "any" if positive else "not any", [("is_overdue", "=", True)])]

    @api.constrains("mentor_id", "mentee_id")
    def _check_teachers(self):
        for pair in self:
            strangers = (pair.mentor_id | pair.mentee_id).filtered(lambda p: not p.is_teacher)
            if strangers:
                raise ValidationError(
                    _(
                        "%s: mentors and mentees are teachers.",
                        ", ".join(strangers.mapped("name")),
                    )
                )
            if pair.mentor_id == pair.mentee_id:
                raise ValidationError(_("%s cannot mentor themselves.", pair.mentor_id.name))

    def write(self, vals):
        # What the pair was agreed on stays as it was once the pair is over.
        frozen = {"mentor_id", "mentee_id", "mentoring_form", "date_start", "goal"}
        if frozen & set(vals) and self.filtered(lambda p: p.state in CLOSED_PAIR_STATES):
            raise UserError(
                _("A finished or cancelled pair keeps its mentor, mentee, form, start and goal.")
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if self.filtered(lambda p: p.state not in ("draft", "cancelled")):
            raise UserError(_("Only draft or cancelled mentoring pairs can be deleted."))

    # ------------------------------------------------------------------ workflow
    def action_start(self):
        """Draft → active: the mentor is in the base of mentors, the goal is stated and the
        mentee has no other active pair with this mentor."""
        for pair in self:
            if pair.state != "draft":
                raise UserError(_("Only a draft pair can start (“%s”).", pair.name))
            if not pair.mentor_id.is_mentor:
                raise UserError(
                    _(
                        "%s is not in the base of mentors: mark them as a mentor first.",
                        pair.mentor_id.name,
                    )
                )
            if not (pair.goal or "").strip():
                raise ValidationError(_("State the goal of the pair “%s”.", pair.name))
        keys = [(pair.mentor_id.id, pair.mentee_id.id) for pair in self]
        if len(set(keys)) != len(keys):
            raise UserError(_("The same mentor and mentee cannot start two pairs at once."))
        busy = self.search(
            [
                ("state", "=", "active"),
                ("mentor_id", "in", self.mentor_id.ids),
                ("mentee_id", "in", self.mentee_id.ids),
            ]
        ).filtered(lambda p: (p.mentor_id.id, p.mentee_id.id) in keys)
        if busy:
            raise UserError(
                _(
                    "%(mentee)s already has an active pair with %(mentor)s: finish or cancel "
                    "it first.",
                    mentee=busy[0].mentee_id.name,
                    mentor=busy[0].mentor_id.name,
                )
            )
        self.write({"state": "active"})
        return True

    def action_done(self):
        """Active → done; needs the outcome."""
        for pair in self:
            if pair.state != "active":
                raise UserError(_("Only an active pair can be finished (“%s”).", pair.name))
            if not pair.outcome:
                raise ValidationError(
                    _("Record the outcome of the pair “%s” before finishing it.", pair.name)
                )
        today = fields.Date.context_today(self)
        for pair in self:
            pair.write({"state": "done", "date_end": pair.date_end or today})
        self._close_overdue_activities()
        return True

    def action_cancel(self, reason=None):
        """Draft or active → cancelled, with the reason if given."""
        closed = self.filtered(lambda p: p.state not in OPEN_PAIR_STATES)
        if closed:
            raise UserError(
                _("A finished or cancelled pair cannot be cancelled (“%s”).", closed[0].name)
            )
        self.write({"state": "cancelled", "cancel_reason": reason or False})
        self._close_overdue_activities()
        return True

    def _close_overdue_activities(self):
        """The reminders of overdue steps of pairs that are over are dropped."""
        self.sudo().plan_line_ids.activity_ids.unlink()

    # ------------------------------------------------------------------ portal
    def _network_portal_parties(self):
        return self.mentor_id.parent_id | self.mentee_id.parent_id

    def _portal_role(self, partner):
        """``mentor``, ``mentee`` or None for ``partner``."""
        self.ensure_one()
        if partner == self.mentor_id:
            return "mentor"
        if partner == self.mentee_id:
            return "mentee"
        return None

    def _portal_prepare_rating(self, post):
        """The mentee's rating and comment from the portal form, and the errors by field."""
        errors = {}
        rating = clean_text(post.get("mentee_rating"))
        if rating not in {value for value, _label in RATINGS} - {"0"}:
            errors["mentee_rating"] = _("Choose from 1 to 5 stars.")
        return {"mentee_rating": rating}, errors

    def action_rate(self, rating):
        """The mentee rates the mentoring of a finished pair (1–5)."""
        self.ensure_one()
        if self.state != "done":
            raise UserError(_("The mentee rates the mentoring once the pair is finished."))
        if rating not in {value for value, _label in RATINGS} - {"0"}:
            raise ValidationError(_("A rating is from 1 to 5."))
        self.write({"mentee_rating": rating})
        return True

    def _add_plan_step(self, values):
        """A step the mentor adds to the plan in the portal."""
        self.ensure_one()
        if self.state not in OPEN_PAIR_STATES:
            raise UserError(_("The plan of a finished or cancelled pair does not change."))
        return self.env["network.mentoring.plan.line"].sudo().create(dict(values, pair_id=self.id))

    @api.model
    def _portal_text(self, value):
        return clean_text(value)[:LONG_TEXT_MAX]
