from odoo import api, fields, models
from odoo.tools import SQL


class NetworkKpiReport(models.Model):
    """Projects for students in the KPIs of a school year (the whole network: they belong to
    no sub-project): projects finished, students taking part, winners and prize-winners."""

    _inherit = "network.kpi.report"

    student_projects_done = fields.Integer(
        string="Projects for Students Finished",
        readonly=True,
        help="Network projects, contests, olympiads, festivals and conferences for students "
        "finished in the school year.",
    )
    student_participants = fields.Integer(
        string="Students Taking Part",
        readonly=True,
        help="Registrations of students in the school year's finished projects.",
    )
    student_winners = fields.Integer(
        readonly=True,
        help="Winners and prize-winners of the school year's finished projects.",
    )

    @api.model
    def _kpi_ctes(self):
        return [
            *super()._kpi_ctes(),
            (
                "student_project_counts",
                SQL(
                    """
                    SELECT p.school_year_id, 0 AS scope_key,
                           count(DISTINCT p.id) AS student_projects_done,
                           count(s.id) AS student_participants,
                           count(s.id) FILTER (WHERE s.is_winner) AS student_winners
                      FROM network_student_project p
                      LEFT JOIN network_student_participant s ON s.project_id = p.id
                     WHERE p.state = 'done' AND p.school_year_id IS NOT NULL
                     GROUP BY 1
                    """
                ),
            ),
        ]

    @api.model
    def _kpi_count_tables(self):
        return [*super()._kpi_count_tables(), "student_project_counts"]

    @api.model
    def _kpi_counts(self):
        return dict(
            super()._kpi_counts(),
            student_projects_done=SQL.identifier("student_project_counts", "student_projects_done"),
            student_participants=SQL.identifier("student_project_counts", "student_participants"),
            student_winners=SQL.identifier("student_project_counts", "student_winners"),
        )
