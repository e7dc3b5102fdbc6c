from odoo import api, models


class NetworkReasonWizard(models.TransientModel):
    _inherit = "network.reason.wizard"

    @api.model
    def _reason_actions(self):
        return {**super()._reason_actions(), "network.certificate": "action_revoke"}
