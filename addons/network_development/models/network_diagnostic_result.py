from odoo import api, fields, models


class NetworkDiagnosticResult(models.Model):
    """One teacher's result on one competence in a closed campaign (written by
    ``network.diagnostic._compute_results`` in SQL). Personal: the teacher reads their own, a
    coordinator their school's, the education department only the aggregated heat map.

    A region's campaign writes a million rows at once, and PostgreSQL checks every foreign key
    of every row: the table stores the three keys of a result (campaign, teacher, competence)
    and its figures; the organization, school year, company and area are read through them."""

    _name = "network.diagnostic.result"
    _description = "Diagnostic Result"
    _order = "diagnostic_id desc, partner_id, competence_id"

    diagnostic_id = fields.Many2one(
        "network.diagnostic", required=True, ondelete="cascade", readonly=True
    )
    partner_id = fields.Many2one(
        "res.partner", string="Teacher", required=True, index=True, readonly=True
    )
    organization_id = fields.Many2one(related="partner_id.parent_id")
    competence_id = fields.Many2one(
        "network.competence", required=True, readonly=True, ondelete="restrict"
    )
    area_id = fields.Many2one(
        "network.competence",
        string="Competence Area",
        compute="_compute_area_id",
        help="The top competence of the hierarchy.",
    )
    school_year_id = fields.Many2one(related="diagnostic_id.school_year_id")
    company_id = fields.Many2one(related="diagnostic_id.company_id")
    score_percent = fields.Float(string="Score (%)", aggregator="avg", readonly=True)
    is_deficit = fields.Boolean(string="Deficit", readonly=True)

    _sql_constraints = [
        (
            "unique_result",
            "UNIQUE(diagnostic_id, partner_id, competence_id)",
            "A teacher has one result per competence in a campaign.",
        ),
    ]

    @api.depends("competence_id.parent_path")
    def _compute_area_id(self):
        for result in self:
            path = result.competence_id.parent_path
            result.area_id = int(path.split("/")[0]) if path else False
