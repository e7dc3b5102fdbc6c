from odoo import api, fields, models
from odoo.tools import SQL

from odoo.addons.network_methodology.models.res_partner import ORG_KINDS


class NetworkYoungTeacherReport(models.Model):
    """Young teachers of each network organization today, with and without a mentor (an active
    mentoring pair as mentee): the gap the network has to close. Also the organization's mentors
    and their load. Read live in SQL (``_table_query``) by the rule of
    ``res.partner.is_young_teacher``."""

    _name = "network.young.teacher.report"
    _description = "Young Teachers and Mentors Report"
    _auto = False
    _order = "young_without_mentor desc, organization_name"
    _rec_name = "organization_id"
    # what the query reads: pending changes are flushed before it runs
    _depends = {
        "network.mentoring.pair": ["mentor_id", "mentee_id", "state"],
        "res.partner": [
            "name",
            "active",
            "is_network_member",
            "is_company",
            "network_org_kind",
            "is_teacher",
            "parent_id",
            "is_mentor",
            "teacher_career_start",
        ],
    }

    organization_id = fields.Many2one("res.partner", readonly=True)
    organization_name = fields.Char(readonly=True)
    network_org_kind = fields.Selection(ORG_KINDS, string="Kind of Organization", readonly=True)
    teachers = fields.Integer(readonly=True)
    young_teachers = fields.Integer(readonly=True)
    young_with_mentor = fields.Integer(string="Young Teachers with a Mentor", readonly=True)
    young_without_mentor = fields.Integer(
        string="Young Teachers without a Mentor",
        readonly=True,
        help="The gap to close: young teachers who are not the mentee of an active pair.",
    )
    mentors = fields.Integer(readonly=True, help="Teachers in the base of mentors.")
    active_pairs = fields.Integer(
        string="Active Pairs (as Mentor)", readonly=True, help="The mentors' current load."
    )
    coverage = fields.Float(
        string="Young Teachers with a Mentor (%)",
        readonly=True,
        aggregator=None,
        digits=(16, 2),
        help="Share of the organization's young teachers who have a mentor.",
    )

    @property
    def _table_query(self):
        young_start = self.env["res.partner"]._young_teacher_min_start()
        return SQL(
            """
            WITH mentored AS (
                SELECT DISTINCT mentee_id FROM network_mentoring_pair WHERE state = 'active'
            ), loads AS (
                SELECT mentor_id, count(*) AS pairs
                  FROM network_mentoring_pair WHERE state = 'active'
                 GROUP BY 1
            ), teachers AS (
                SELECT t.parent_id AS organization_id,
                       count(*) AS teachers,
                       count(*) FILTER (WHERE t.young) AS young,
                       count(*) FILTER (WHERE t.young AND m.mentee_id IS NOT NULL) AS mentored,
                       count(*) FILTER (WHERE t.is_mentor) AS mentors,
                       COALESCE(sum(l.pairs) FILTER (WHERE t.is_mentor), 0) AS pairs
                  FROM (SELECT p.id, p.parent_id, COALESCE(p.is_mentor, FALSE) AS is_mentor,
                               COALESCE(p.teacher_career_start, 0) >= %(young_start)s AS young
                          FROM res_partner p
                         WHERE p.is_teacher AND p.active AND p.parent_id IS NOT NULL) t
                  LEFT JOIN mentored m ON m.mentee_id = t.id
                  LEFT JOIN loads l ON l.mentor_id = t.id
                 GROUP BY 1
            )
            SELECT o.id, o.id AS organization_id, o.name AS organization_name,
                   o.network_org_kind,
                   COALESCE(t.teachers, 0)::integer AS teachers,
                   COALESCE(t.young, 0)::integer AS young_teachers,
                   COALESCE(t.mentored, 0)::integer AS young_with_mentor,
                   COALESCE(t.young - t.mentored, 0)::integer AS young_without_mentor,
                   COALESCE(t.mentors, 0)::integer AS mentors,
                   COALESCE(t.pairs, 0)::integer AS active_pairs,
                   CASE WHEN t.young > 0 THEN round(100.0 * t.mentored / t.young, 2)::float8
                        ELSE 0.0 END AS coverage
              FROM res_partner o
              LEFT JOIN teachers t ON t.organization_id = o.id
             WHERE o.active AND o.is_network_member AND o.is_company
            """,
            young_start=young_start,
        )

    @api.model
    def _totals(self):
        """Young teachers of the whole network today: all, with and without a mentor."""
        [[young, mentored, gap]] = self._read_group(
            [],
            [],
            ["young_teachers:sum", "young_with_mentor:sum", "young_without_mentor:sum"],
        )
        return {
            "young": int(young or 0),
            "with_mentor": int(mentored or 0),
            "without_mentor": int(gap or 0),
        }
