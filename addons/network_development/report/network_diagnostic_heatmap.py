from odoo import fields, models
from odoo.tools import SQL


class NetworkDiagnosticHeatmap(models.Model):
    """The heat map of deficits: per campaign, organization and competence, how many teachers
    answered, how many have a deficit and the average score. No names: the education
    department reads this, never the personal results."""

    _name = "network.diagnostic.heatmap"
    _description = "Heat Map of Professional Deficits"
    _auto = False
    _order = "diagnostic_id desc, organization_id, competence_id"

    diagnostic_id = fields.Many2one("network.diagnostic", readonly=True)
    school_year_id = fields.Many2one("network.school.year", readonly=True)
    organization_id = fields.Many2one("res.partner", readonly=True)
    competence_id = fields.Many2one("network.competence", readonly=True)
    area_id = fields.Many2one("network.competence", string="Competence Area", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    teacher_count = fields.Integer(string="Teachers", readonly=True)
    deficit_count = fields.Integer(string="Teachers with Deficit", readonly=True)
    deficit_ratio = fields.Float(string="Deficit Share (%)", aggregator="avg", readonly=True)
    score_percent = fields.Float(string="Average Score (%)", aggregator="avg", readonly=True)

    @property
    def _table_query(self):
        return SQL(
            """
            SELECT MIN(r.id) AS id, r.diagnostic_id, d.school_year_id,
                   p.parent_id AS organization_id, r.competence_id,
                   split_part(nc.parent_path, '/', 1)::integer AS area_id, d.company_id,
                   COUNT(*) AS teacher_count,
                   COUNT(*) FILTER (WHERE r.is_deficit) AS deficit_count,
                   ROUND(100.0 * COUNT(*) FILTER (WHERE r.is_deficit) / COUNT(*), 2)::float
                       AS deficit_ratio,
                   ROUND(AVG(r.score_percent)::numeric, 2)::float AS score_percent
              FROM network_diagnostic_result r
              JOIN network_diagnostic d ON d.id = r.diagnostic_id
              JOIN res_partner p ON p.id = r.partner_id
              JOIN network_competence nc ON nc.id = r.competence_id
             GROUP BY r.diagnostic_id, d.school_year_id, p.parent_id, r.competence_id,
                      nc.parent_path, d.company_id
            """
        )
