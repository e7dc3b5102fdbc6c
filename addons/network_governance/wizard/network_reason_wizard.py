from odoo import api, models


class NetworkReasonWizard(models.TransientModel):
    _inherit = "network.reason.wizard"

    @api.model
    def _reason_actions(self):
        return dict(
            super()._reason_actions(),
            **{
                "network.resource.request": "action_reject",
                "network.order": "action_cancel",
            },
        )
