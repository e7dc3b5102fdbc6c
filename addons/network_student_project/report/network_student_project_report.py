from odoo import fields, models
from odoo.tools import SQL

from ..models.network_student_project import PROJECT_KINDS, PROJECT_STATES


class NetworkStudentProjectReport(models.Model):
    """Participants and winners per project and school: counts only, no student's name, so
    the education department reads it."""

    _name = "network.student.project.report"
    _description = "Projects for Students by School"
    _auto = False
    _order = "school_year_id desc, project_id, organization_id"

    project_id = fields.Many2one("network.student.project", readonly=True)
    project_kind = fields.Selection(PROJECT_KINDS, string="Kind", readonly=True)
    state = fields.Selection(PROJECT_STATES, string="Status", readonly=True)
    school_year_id = fields.Many2one("network.school.year", readonly=True)
    organization_id = fields.Many2one("res.partner", string="School", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    participants = fields.Integer(readonly=True)
    winners = fields.Integer(string="Winners and Prize-winners", readonly=True)
    first_places = fields.Integer(readonly=True)
    average_score = fields.Float(aggregator="avg", digits=(16, 2), readonly=True)

    @property
    def _table_query(self):
        return SQL(
            """
            SELECT MIN(s.id) AS id, s.project_id, p.project_kind, p.state, p.school_year_id,
                   s.organization_id, p.company_id,
                   COUNT(*) AS participants,
                   COUNT(*) FILTER (WHERE s.is_winner) AS winners,
                   COUNT(*) FILTER (WHERE s.place = 1) AS first_places,
                   ROUND(AVG(s.score)::numeric, 2)::float AS average_score
              FROM network_student_participant s
              JOIN network_student_project p ON p.id = s.project_id
             GROUP BY s.project_id, p.project_kind, p.state, p.school_year_id,
                      s.organization_id, p.company_id
            """
        )
