from odoo import _, fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    network_cert_min_tokens = fields.Integer(
        related="company_id.network_cert_min_tokens", readonly=False
    )
    network_cert_window_years = fields.Integer(
        related="company_id.network_cert_window_years", readonly=False
    )
    network_cert_min_red_tokens = fields.Integer(
        related="company_id.network_cert_min_red_tokens", readonly=False
    )
    network_platform_min_teachers = fields.Integer(
        related="company_id.network_platform_min_teachers", readonly=False
    )

    def action_network_rotate_credential_key(self):
        """Settings button: a new signing key for the company (administrators only)."""
        self.ensure_one()
        key = self.env["network.credential.key"]._rotate(self.company_id)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": _(
                    "New signing key %s: credentials are signed with it from now on.", key.name
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
