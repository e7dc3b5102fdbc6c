from odoo import models


class SurveyInvite(models.TransientModel):
    """Survey's own invitations, told by the context which campaign or event an answer
    belongs to."""

    _inherit = "survey.invite"

    def _get_answers_values(self):
        values = super()._get_answers_values()
        for key, field in (
            ("network_diagnostic_id", "network_diagnostic_id"),
            ("network_event_id", "network_event_id"),
        ):
            if self.env.context.get(key):
                values[field] = self.env.context[key]
        return values
