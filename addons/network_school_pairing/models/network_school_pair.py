from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

PAIR_STATES = [
    ("proposed", "Proposed"),
    ("active", "Active"),
    ("done", "Finished"),
    ("cancelled", "Cancelled"),
]
OUTCOMES = [
    ("improved", "Improved"),
    ("unchanged", "Unchanged"),
    ("worsened", "Worsened"),
    ("unknown", "No result yet"),
]


class NetworkSchoolPair(models.Model):
    """A pair of schools formed after an assessment procedure: the strong school (high
    results) supports the weak one (low results) with joint network events; the methodists log
    their targeted help. The change is the weak school's result in the same procedure of the
    next school year minus its result in this one. No school is in two pairs of the same
    assessment (cancelled pairs aside)."""

    _name = "network.school.pair"
    _description = "Pair of Schools"
    _network_portal_path = "pairs"
    _inherit = ["network.portal.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "assessment_id desc, id"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    assessment_id = fields.Many2one(
        "network.assessment",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    school_year_id = fields.Many2one(related="assessment_id.school_year_id", store=True, index=True)
    strong_id = fields.Many2one(
        "res.partner",
        string="Strong School",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        domain=[("is_network_member", "=", True), ("is_company", "=", True)],
    )
    weak_id = fields.Many2one(
        "res.partner",
        string="Supported School",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        domain=[("is_network_member", "=", True), ("is_company", "=", True)],
    )
    strong_score = fields.Float(compute="_compute_scores", digits=(16, 2))
    weak_score = fields.Float(compute="_compute_scores", digits=(16, 2))
    weak_low_repeat = fields.Boolean(
        string="Low Twice in a Row",
        compute="_compute_scores",
        help="The supported school was low in this procedure two school years in a row.",
    )
    state = fields.Selection(
        PAIR_STATES,
        default="proposed",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        group_expand=True,
        index=True,
    )
    event_ids = fields.One2many("event.event", "school_pair_id", string="Joint Events")
    help_ids = fields.One2many("network.help.record", "pair_id", string="Targeted Help")
    event_count = fields.Integer(string="Events", compute="_compute_counts")
    help_count = fields.Integer(string="Help Entries", compute="_compute_counts")
    next_score = fields.Float(
        string="Next Year's Result",
        compute="_compute_score_change",
        digits=(16, 2),
        help="The supported school's result in the same procedure of the next school year.",
    )
    score_change = fields.Float(
        string="Change",
        compute="_compute_score_change",
        digits=(16, 2),
        help="The supported school's result in the same procedure of the next school year "
        "minus its result in this one.",
    )
    outcome = fields.Selection(OUTCOMES, compute="_compute_score_change")
    note = fields.Text(string="Notes")
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)

    _sql_constraints = [
        ("strong_not_weak", "CHECK(strong_id != weak_id)", "A school cannot pair with itself."),
    ]

    def init(self):
        # No school twice in one role among the live pairs of an assessment; the cross case
        # (strong in one pair, weak in another) is checked in _check_one_pair_per_school.
        self.env.cr.execute(
            """CREATE UNIQUE INDEX IF NOT EXISTS network_school_pair_strong_id_uniq
               ON network_school_pair (assessment_id, strong_id) WHERE state != 'cancelled'"""
        )
        self.env.cr.execute(
            """CREATE UNIQUE INDEX IF NOT EXISTS network_school_pair_weak_id_uniq
               ON network_school_pair (assessment_id, weak_id) WHERE state != 'cancelled'"""
        )

    @api.depends("strong_id.name", "weak_id.name")
    def _compute_name(self):
        for pair in self:
            pair.name = f"{pair.strong_id.name or ''} → {pair.weak_id.name or ''}"

    @api.model
    def _create_proposed(self, vals_list):
        """Proposed pairs from ``vals_list`` (assessment, strong, weak, company) in one INSERT,
        whatever their number; the rules of ``create`` are checked on the batch."""
        self.check_access("create")
        self.env.flush_all()
        now = self.env.cr.now()
        rows = self.env.execute_query(
            SQL(
                """INSERT INTO network_school_pair
                       (assessment_id, strong_id, weak_id, company_id, name, state,
                        create_uid, create_date, write_uid, write_date)
                   SELECT v.assessment_id, v.strong_id, v.weak_id, v.company_id,
                          concat(s.name, ' → ', w.name), 'proposed', %s, %s, %s, %s
                     FROM unnest(%s::int[], %s::int[], %s::int[], %s::int[])
                          WITH ORDINALITY AS v(assessment_id, strong_id, weak_id, company_id, n)
                     JOIN res_partner s ON s.id = v.strong_id
                     JOIN res_partner w ON w.id = v.weak_id
                    ORDER BY v.n
                RETURNING id""",
                self.env.uid,
                now,
                self.env.uid,
                now,
                [vals["assessment_id"] for vals in vals_list],
                [vals["strong_id"] for vals in vals_list],
                [vals["weak_id"] for vals in vals_list],
                [vals.get("company_id") or None for vals in vals_list],
            )
        )
        pairs = self.browse(sorted(row[0] for row in rows))
        self.env["network.assessment"].invalidate_model(["pair_ids"])
        pairs._check_one_pair_per_school()
        return pairs

    def _results(self):
        """{(assessment id, organization id): result} of the pairs' schools, one query."""
        results = (
            self.env["network.assessment.result"]
            .sudo()
            .search_fetch(
                [
                    ("assessment_id", "in", self.assessment_id.ids),
                    ("organization_id", "in", (self.strong_id | self.weak_id).ids),
                ],
                ["assessment_id", "organization_id", "score", "is_low_repeat"],
            )
        )
        return {(r.assessment_id.id, r.organization_id.id): r for r in results}

    @api.depends(
        "assessment_id",
        "strong_id",
        "weak_id",
        "assessment_id.result_ids.score",
        "assessment_id.result_ids.is_low_repeat",
    )
    def _compute_scores(self):
        results = self._results()
        for pair in self:
            strong = results.get((pair.assessment_id.id, pair.strong_id.id))
            weak = results.get((pair.assessment_id.id, pair.weak_id.id))
            pair.strong_score = strong.score if strong else 0.0
            pair.weak_score = weak.score if weak else 0.0
            pair.weak_low_repeat = bool(weak and weak.is_low_repeat)

    def _compute_score_change(self):
        Report = self.env["network.school.pair.report"].sudo()
        Report.invalidate_model()  # a live SQL view: what was read before may be out of date
        rows = {
            row.pair_id.id: row
            for row in Report.search_fetch(
                [("pair_id", "in", self.ids)], ["pair_id", "next_score", "score_change", "outcome"]
            )
        }
        for pair in self:
            row = rows.get(pair.id)
            pair.next_score = row.next_score if row else 0.0
            pair.score_change = row.score_change if row else 0.0
            pair.outcome = row.outcome if row else "unknown"

    def _compute_counts(self):
        events = dict(
            self.env["event.event"]
            .sudo()
            ._read_group([("school_pair_id", "in", self.ids)], ["school_pair_id"], ["__count"])
        )
        helps = dict(
            self.env["network.help.record"]
            .sudo()
            ._read_group([("pair_id", "in", self.ids)], ["pair_id"], ["__count"])
        )
        for pair in self:
            pair.event_count = events.get(pair, 0)
            pair.help_count = helps.get(pair, 0)

    @api.constrains("assessment_id", "strong_id", "weak_id", "state")
    def _check_one_pair_per_school(self):
        live = self.filtered(lambda p: p.state != "cancelled")
        if not live:
            return
        others = self.search(
            [
                ("assessment_id", "in", live.assessment_id.ids),
                ("state", "!=", "cancelled"),
                "|",
                ("strong_id", "in", (live.strong_id | live.weak_id).ids),
                ("weak_id", "in", (live.strong_id | live.weak_id).ids),
            ]
        )
        seen = {}
        for pair in others:
            for org in pair.strong_id | pair.weak_id:
                key = (pair.assessment_id.id, org.id)
                if key in seen and seen[key] != pair:
                    raise ValidationError(
                        _(
                            "%(org)s is already in a pair of “%(assessment)s”: a school is in "
                            "one pair per assessment.",
                            org=org.name,
                            assessment=pair.assessment_id.name,
                        )
                    )
                seen[key] = pair
        results = self._results()
        for pair in live:
            for org in pair.strong_id | pair.weak_id:
                if (pair.assessment_id.id, org.id) not in results:
                    raise ValidationError(
                        _(
                            "%(org)s has no result in “%(assessment)s”.",
                            org=org.name,
                            assessment=pair.assessment_id.name,
                        )
                    )

    def write(self, vals):
        if {"assessment_id", "strong_id", "weak_id"} & set(vals) and self.filtered(
            lambda p: p.state != "proposed"
        ):
            raise UserError(_("Only a proposed pair changes its schools."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_proposed(self):
        if self.filtered(lambda p: p.state not in ("proposed", "cancelled")):
            raise UserError(_("Only proposed or cancelled pairs can be deleted."))

    # ------------------------------------------------------------------ workflow
    def action_activate(self):
        """Proposed → active: the methodist agreed the pair."""
        for pair in self:
            if pair.state != "proposed":
                raise UserError(_("Only a proposed pair can be activated (“%s”).", pair.name))
        self.write({"state": "active"})
        return True

    def action_done(self):
        """Active → finished."""
        for pair in self:
            if pair.state != "active":
                raise UserError(_("Only an active pair can be finished (“%s”).", pair.name))
        self.write({"state": "done"})
        return True

    def action_cancel(self):
        """Proposed or active → cancelled: both schools are free again for this assessment."""
        for pair in self:
            if pair.state not in ("proposed", "active"):
                raise UserError(
                    _("A finished or cancelled pair cannot be cancelled (“%s”).", pair.name)
                )
        self.write({"state": "cancelled"})
        return True

    def action_plan_event(self):
        """Opens a new joint network event of the pair, hosted by the strong school."""
        self.ensure_one()
        if self.state != "active":
            raise UserError(_("Joint events are planned for an active pair."))
        return {
            "type": "ir.actions.act_window",
            "name": _("Joint Event"),
            "res_model": "event.event",
            "view_mode": "form",
            "target": "current",
            "context": {
                "default_school_pair_id": self.id,
                "default_is_network_event": True,
                "default_event_form": "seminar",
                "default_host_organization_id": self.strong_id.id,
                "default_name": _("Joint event: %s", self.name),
            },
        }

    def action_view_events(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "network_school_pairing.event_event_action_school_pair"
        )
        action["domain"] = [("school_pair_id", "=", self.id)]
        action["context"] = {
            "default_school_pair_id": self.id,
            "default_is_network_event": True,
            "default_event_form": "seminar",
            "default_host_organization_id": self.strong_id.id,
        }
        return action

    def _log_help(self, values):
        """Adds an entry to the pair's log of targeted help."""
        self.ensure_one()
        if self.state not in ("proposed", "active"):
            raise UserError(_("The help log of a finished or cancelled pair does not change."))
        return self.env["network.help.record"].create(dict(values, pair_id=self.id))

    # ------------------------------------------------------------------ portal
    def _network_portal_parties(self):
        return self.strong_id | self.weak_id
