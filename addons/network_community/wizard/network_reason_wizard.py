from odoo import api, models


class NetworkReasonWizard(models.TransientModel):
    """Cancelling a mentoring pair and refusing a proposed meeting record their reason."""

    _inherit = "network.reason.wizard"

    @api.model
    def _reason_actions(self):
        return dict(
            super()._reason_actions(),
            **{
                "network.mentoring.pair": "action_cancel",
                "event.event": "action_refuse_community_meeting",
            },
        )
