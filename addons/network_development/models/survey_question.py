from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class SurveyQuestion(models.Model):
    _inherit = "survey.question"

    network_competence_id = fields.Many2one(
        "network.competence",
        string="Competence",
        index=True,
        ondelete="restrict",
        help="The professional competence this scored question measures in diagnostics.",
    )

    @api.constrains("network_competence_id", "is_page")
    def _check_network_competence(self):
        for question in self:
            if question.network_competence_id and question.is_page:
                raise ValidationError(_("A section cannot measure a competence: a question does."))
