from odoo import fields, models


class NetworkDiagnosticResult(models.Model):
    """One teacher's result on one competence in a closed campaign (written by
    ``network.diagnostic._compute_results`` in SQL). Personal: the teacher reads their own, a
    coordinator their school's, the education department only the aggregated heat map."""

    _name = "network.diagnostic.result"
    _description = "Diagnostic Result"
    _order = "diagnostic_id desc, partner_id, competence_id"
    _check_company_auto = True

    # indexes: the unique (campaign, teacher, competence) one serves the campaign's reads; few
    # others, since closing a region's campaign writes a million rows at once
    diagnostic_id = fields.Many2one(
        "network.diagnostic", required=True, ondelete="cascade", readonly=True
    )
    partner_id = fields.Many2one(
        "res.partner", string="Teacher", required=True, index=True, readonly=True
    )
    organization_id = fields.Many2one("res.partner", index=True, readonly=True)
    competence_id = fields.Many2one(
        "network.competence", required=True, readonly=True, ondelete="restrict"
    )
    area_id = fields.Many2one(
        "network.competence",
        string="Competence Area",
        readonly=True,
        help="The top competence of the hierarchy (written with the result).",
    )
    school_year_id = fields.Many2one("network.school.year", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    score_percent = fields.Float(string="Score (%)", aggregator="avg", readonly=True)
    is_deficit = fields.Boolean(string="Deficit", readonly=True)

    _sql_constraints = [
        (
            "unique_result",
            "UNIQUE(diagnostic_id, partner_id, competence_id)",
            "A teacher has one result per competence in a campaign.",
        ),
    ]
