from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    network_feedback_survey_id = fields.Many2one("survey.survey", string="Default Feedback Survey")
    network_feedback_threshold = fields.Float(string="Low Feedback Score (%)", default=60.0)
