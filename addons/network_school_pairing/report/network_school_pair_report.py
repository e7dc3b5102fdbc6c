from odoo import fields, models
from odoo.tools import SQL

from ..models.network_assessment import PROCEDURES
from ..models.network_school_pair import OUTCOMES, PAIR_STATES


class NetworkSchoolPairReport(models.Model):
    """Pairs of schools by outcome: one row per pair with the supported school's result in the
    assessment and in the same procedure (subject, grade) of the next school year, the change
    and the outcome, the help given and the joint events. Read live in SQL."""

    _name = "network.school.pair.report"
    _description = "Pairs of Schools by Outcome"
    _auto = False
    _order = "school_year_id desc, id desc"
    _rec_name = "pair_id"
    _depends = {
        "network.school.pair": ["assessment_id", "strong_id", "weak_id", "state", "company_id"],
        "network.assessment": ["procedure", "subject_id", "grade", "school_year_id"],
        "network.assessment.result": ["assessment_id", "organization_id", "score"],
        "network.school.year": ["date_start"],
        "network.help.record": ["pair_id"],
        "event.event": ["school_pair_id"],
    }

    pair_id = fields.Many2one("network.school.pair", readonly=True)
    assessment_id = fields.Many2one("network.assessment", readonly=True)
    school_year_id = fields.Many2one("network.school.year", readonly=True)
    procedure = fields.Selection(PROCEDURES, readonly=True)
    subject_id = fields.Many2one("network.subject", readonly=True)
    grade = fields.Integer(readonly=True, aggregator=False)
    strong_id = fields.Many2one("res.partner", string="Strong School", readonly=True)
    weak_id = fields.Many2one("res.partner", string="Supported School", readonly=True)
    state = fields.Selection(PAIR_STATES, readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    weak_score = fields.Float(string="Result", readonly=True, aggregator="avg", digits=(16, 2))
    next_score = fields.Float(
        string="Next Year's Result", readonly=True, aggregator="avg", digits=(16, 2)
    )
    score_change = fields.Float(string="Change", readonly=True, aggregator="avg", digits=(16, 2))
    outcome = fields.Selection(OUTCOMES, readonly=True)
    pair_count = fields.Integer(string="Pairs", readonly=True)
    help_count = fields.Integer(string="Help Entries", readonly=True)
    event_count = fields.Integer(string="Joint Events", readonly=True)

    @property
    def _table_query(self):
        return SQL(
            """
            SELECT p.id AS id, p.id AS pair_id, p.assessment_id, a.school_year_id, a.procedure,
                   a.subject_id, a.grade, p.strong_id, p.weak_id, p.state, p.company_id,
                   1 AS pair_count,
                   wr.score AS weak_score, nr.score AS next_score,
                   nr.score - wr.score AS score_change,
                   CASE WHEN nr.score IS NULL OR wr.score IS NULL THEN 'unknown'
                        WHEN nr.score > wr.score THEN 'improved'
                        WHEN nr.score < wr.score THEN 'worsened'
                        ELSE 'unchanged' END AS outcome,
                   (SELECT count(*) FROM network_help_record h
                     WHERE h.pair_id = p.id) AS help_count,
                   (SELECT count(*) FROM event_event e
                     WHERE e.school_pair_id = p.id) AS event_count
              FROM network_school_pair p
              JOIN network_assessment a ON a.id = p.assessment_id
              JOIN network_school_year y ON y.id = a.school_year_id
         LEFT JOIN network_assessment_result wr
                ON wr.assessment_id = p.assessment_id AND wr.organization_id = p.weak_id
         LEFT JOIN LATERAL (
                SELECT r.score
                  FROM network_assessment na
                  JOIN network_assessment_result r
                    ON r.assessment_id = na.id AND r.organization_id = p.weak_id
                 WHERE na.procedure = a.procedure
                   AND na.subject_id IS NOT DISTINCT FROM a.subject_id
                   AND na.grade IS NOT DISTINCT FROM a.grade
                   AND na.school_year_id = (
                        SELECT ny.id FROM network_school_year ny
                         WHERE ny.date_start > y.date_start
                         ORDER BY ny.date_start LIMIT 1)
                 ORDER BY na.id
                 LIMIT 1
           ) nr ON TRUE
            """
        )
