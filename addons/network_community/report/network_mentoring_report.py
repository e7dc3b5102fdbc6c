from odoo import api, fields, models
from odoo.tools import SQL

from ..models.network_mentoring_pair import MENTORING_FORMS, OUTCOMES, PAIR_STATES


class NetworkMentoringReport(models.Model):
    """Mentoring pairs by state and outcome: one row per pair with the school year of its
    start, its form, both organizations, whether the mentee is a young teacher today, its
    steps (done, overdue) and the mentee's rating. Read live in SQL (``_table_query``)."""

    _name = "network.mentoring.report"
    _description = "Mentoring Pairs Report"
    _auto = False
    _order = "date_start desc, id desc"
    _rec_name = "pair_id"
    # what the query reads: pending changes are flushed before it runs
    _depends = {
        "network.mentoring.pair": [
            "school_year_id",
            "date_start",
            "state",
            "outcome",
            "mentoring_form",
            "mentor_id",
            "mentee_id",
            "mentor_organization_id",
            "mentee_organization_id",
            "community_id",
            "mentee_rating",
        ],
        "network.mentoring.plan.line": ["pair_id", "is_done", "date_deadline"],
        "res.partner": ["is_teacher", "teacher_career_start"],
    }

    pair_id = fields.Many2one("network.mentoring.pair", readonly=True)
    school_year_id = fields.Many2one("network.school.year", readonly=True)
    date_start = fields.Date(string="Start", readonly=True)
    state = fields.Selection(PAIR_STATES, readonly=True, group_expand=True)
    outcome = fields.Selection(OUTCOMES, readonly=True)
    mentoring_form = fields.Selection(MENTORING_FORMS, string="Form", readonly=True)
    mentor_id = fields.Many2one("res.partner", readonly=True)
    mentee_id = fields.Many2one("res.partner", readonly=True)
    mentor_organization_id = fields.Many2one(
        "res.partner", string="Mentor's Organization", readonly=True
    )
    mentee_organization_id = fields.Many2one(
        "res.partner", string="Mentee's Organization", readonly=True
    )
    community_id = fields.Many2one("network.community", readonly=True)
    is_mentee_young = fields.Boolean(string="Young Mentee", readonly=True)
    pair_count = fields.Integer(string="Pairs", readonly=True)
    steps = fields.Integer(readonly=True)
    steps_done = fields.Integer(readonly=True)
    steps_overdue = fields.Integer(string="Overdue Steps", readonly=True)
    rating = fields.Float(string="Mentee's Rating", readonly=True, aggregator="avg", digits=(16, 2))

    @property
    def _table_query(self):
        today = fields.Date.context_today(self)
        young_start = self.env["res.partner"]._young_teacher_min_start()
        return SQL(
            """
            WITH steps AS (
                SELECT l.pair_id, count(*) AS steps,
                       count(*) FILTER (WHERE l.is_done) AS done,
                       count(*) FILTER (WHERE NOT COALESCE(l.is_done, FALSE)
                                          AND l.date_deadline < %(today)s) AS overdue
                  FROM network_mentoring_plan_line l
                 GROUP BY 1
            )
            SELECT p.id, p.id AS pair_id, p.school_year_id, p.date_start, p.state, p.outcome,
                   p.mentoring_form, p.mentor_id, p.mentee_id,
                   p.mentor_organization_id, p.mentee_organization_id, p.community_id,
                   COALESCE(mentee.is_teacher, FALSE)
                       AND COALESCE(mentee.teacher_career_start, 0) >= %(young_start)s
                       AS is_mentee_young,
                   1 AS pair_count,
                   COALESCE(steps.steps, 0)::integer AS steps,
                   COALESCE(steps.done, 0)::integer AS steps_done,
                   CASE WHEN p.state = 'active' THEN COALESCE(steps.overdue, 0)::integer ELSE 0 END
                       AS steps_overdue,
                   NULLIF(p.mentee_rating, '0')::float8 AS rating
              FROM network_mentoring_pair p
              JOIN res_partner mentee ON mentee.id = p.mentee_id
              LEFT JOIN steps ON steps.pair_id = p.id
            """,
            today=today,
            young_start=young_start,
        )

    @api.model
    def _state_outcome_rows(self, year):
        """Pairs started in ``year`` by state and outcome, with their average rating."""
        states = dict(self._fields["state"]._description_selection(self.env))
        outcomes = dict(self._fields["outcome"]._description_selection(self.env))
        groups = self._read_group(
            [("school_year_id", "=", year.id)],
            ["state", "outcome"],
            ["__count", "rating:avg"],
        )
        order = [state for state, _label in PAIR_STATES]
        return [
            {
                "state": states.get(state, ""),
                "outcome": outcomes.get(outcome, "") if outcome else "",
                "pairs": count,
                "rating": rating or 0.0,
            }
            for state, outcome, count, rating in sorted(
                groups, key=lambda g: (order.index(g[0]) if g[0] in order else 9, g[1] or "")
            )
        ]
