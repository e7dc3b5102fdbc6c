from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    network_feedback_survey_id = fields.Many2one(
        related="company_id.network_feedback_survey_id", readonly=False
    )
    network_feedback_threshold = fields.Float(
        related="company_id.network_feedback_threshold", readonly=False
    )
