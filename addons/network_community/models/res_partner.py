from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

TEACHER_CATEGORIES = [
    ("none", "No category"),
    ("first", "First category"),
    ("highest", "Highest category"),
]
# A young teacher is in their first school years of teaching: fewer than this many full
# school years since the career start.
YOUNG_TEACHER_YEARS = 3
# The earliest career start the profile accepts.
CAREER_START_MIN = 1950
# Pairs that count for a mentor's load and a mentee's mentor.
ACTIVE_PAIR_STATES = ("active",)

_EXPERIENCE_OPERATORS = {
    # experience OP value  <=>  career start OP' (current start year - value)
    "=": "=",
    "!=": "!=",
    ">": "<",
    ">=": "<=",
    "<": ">",
    "<=": ">=",
}


class ResPartner(models.Model):
    """A teacher's professional profile: subjects, qualification category, career start (the
    experience and whether they are a young teacher follow from it), and whether they are in the
    base of mentors, with their current load."""

    _inherit = "res.partner"

    teacher_subject_ids = fields.Many2many(
        "network.subject",
        "res_partner_network_subject_rel",
        "partner_id",
        "subject_id",
        string="Subjects",
    )
    teacher_category = fields.Selection(TEACHER_CATEGORIES, string="Qualification Category")
    teacher_career_start = fields.Integer(
        string="Career Start",
        help="The school year in which the teacher started teaching, by its first calendar "
        "year: 2024 for 2024/2025.",
    )
    teacher_experience = fields.Integer(
        string="Experience (years)",
        compute="_compute_teacher_experience",
        search="_search_teacher_experience",
        help="Full school years of teaching since the career start.",
    )
    is_young_teacher = fields.Boolean(
        string="Young Teacher",
        compute="_compute_teacher_experience",
        search="_search_is_young_teacher",
        help="A teacher in their first three school years of teaching.",
    )
    is_mentor = fields.Boolean(
        string="Mentor", tracking=True, help="The teacher is in the network's base of mentors."
    )
    mentor_pair_ids = fields.One2many(
        "network.mentoring.pair", "mentor_id", string="Pairs as Mentor"
    )
    mentee_pair_ids = fields.One2many(
        "network.mentoring.pair", "mentee_id", string="Pairs as Mentee"
    )
    mentoring_load = fields.Integer(
        string="Current Load",
        compute="_compute_mentoring_state",
        store=True,
        help="Active mentoring pairs in which the teacher is the mentor.",
    )
    has_mentor = fields.Boolean(
        string="Has a Mentor",
        compute="_compute_mentoring_state",
        store=True,
        help="The teacher is the mentee of an active mentoring pair.",
    )
    community_member_ids = fields.One2many(
        "network.community.member", "partner_id", string="Community Memberships"
    )
    community_count = fields.Integer(string="Communities", compute="_compute_community_count")

    _sql_constraints = [
        (
            "teacher_career_start_check",
            f"CHECK(teacher_career_start IS NULL OR teacher_career_start = 0 "
            f"OR teacher_career_start >= {CAREER_START_MIN})",
            "The career start is a year of the teacher's first school year.",
        ),
    ]

    # ------------------------------------------------------------------ experience
    @api.model
    def _network_current_start_year(self):
        """The first calendar year of today's school year (1 September – 31 August)."""
        today = fields.Date.context_today(self)
        return self.env["network.school.year"]._default_dates_for(today)[0].year

    @api.model
    def _young_teacher_min_start(self):
        """The earliest career start of a young teacher today: the rule of
        ``is_young_teacher``, also used by the SQL reports."""
        return self._network_current_start_year() - YOUNG_TEACHER_YEARS + 1

    @api.depends("teacher_career_start", "is_teacher")
    def _compute_teacher_experience(self):
        current = self._network_current_start_year()
        for partner in self:
            start = partner.teacher_career_start
            experience = current - start if start else 0
            partner.teacher_experience = max(experience, 0)
            partner.is_young_teacher = bool(
                partner.is_teacher and start and experience < YOUNG_TEACHER_YEARS
            )

    def _search_teacher_experience(self, operator, value):
        if operator not in _EXPERIENCE_OPERATORS or not isinstance(value, int):
            raise UserError(_("Search the experience by a number of years."))
        return [
            ("teacher_career_start", ">", 0),
            (
                "teacher_career_start",
                _EXPERIENCE_OPERATORS[operator],
                self._network_current_start_year() - value,
            ),
        ]

    def _search_is_young_teacher(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Search young teachers with “is set” or “is not set”."))
        young = [
            ("is_teacher", "=", True),
            ("teacher_career_start", ">=", self._young_teacher_min_start()),
        ]
        if (operator == "=") == value:
            return young
        return [("id", "not in", self._search(young))]

    @api.constrains("teacher_career_start")
    def _check_teacher_career_start(self):
        current = self._network_current_start_year()
        for partner in self:
            start = partner.teacher_career_start
            if start and not CAREER_START_MIN <= start <= current:
                raise ValidationError(
                    _(
                        "The career start of %(name)s must be a year between %(first)s and "
                        "%(last)s (the current school year).",
                        name=partner.name,
                        first=CAREER_START_MIN,
                        last=current,
                    )
                )

    @api.constrains("is_mentor", "is_teacher")
    def _check_mentor_is_teacher(self):
        for partner in self.filtered("is_mentor"):
            if not partner.is_teacher:
                raise ValidationError(
                    _("%s is not a teacher: only teachers are mentors.", partner.name)
                )

    # ------------------------------------------------------------------ mentoring, communities
    @api.depends("mentor_pair_ids.state", "mentee_pair_ids.state")
    def _compute_mentoring_state(self):
        Pair = self.env["network.mentoring.pair"]
        partners = self.filtered("id")
        active = [("state", "in", ACTIVE_PAIR_STATES)]
        loads = dict(
            Pair._read_group(
                [("mentor_id", "in", partners.ids), *active], ["mentor_id"], ["__count"]
            )
        )
        mentored = {
            mentee
            for [mentee] in Pair._read_group(
                [("mentee_id", "in", partners.ids), *active], ["mentee_id"]
            )
        }
        for partner in self:
            partner.mentoring_load = loads.get(partner, 0)
            partner.has_mentor = partner in mentored

    def _compute_community_count(self):
        counts = dict(
            self.env["network.community.member"]._read_group(
                [("partner_id", "in", self.ids), ("is_current", "=", True)],
                ["partner_id"],
                ["__count"],
            )
        )
        for partner in self:
            partner.community_count = counts.get(partner, 0)

    def action_view_mentoring_pairs(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "network_community.network_mentoring_pair_action"
        )
        action["domain"] = ["|", ("mentor_id", "=", self.id), ("mentee_id", "=", self.id)]
        action["context"] = {}
        return action

    def action_view_communities(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "network_community.network_community_action"
        )
        action["domain"] = [
            ("member_ids", "any", [("partner_id", "=", self.id), ("is_current", "=", True)])
        ]
        action["context"] = {}
        return action
