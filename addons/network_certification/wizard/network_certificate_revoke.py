from odoo import fields, models


class NetworkCertificateRevoke(models.TransientModel):
    _name = "network.certificate.revoke"
    _description = "Revoke Certificates"

    certificate_ids = fields.Many2many("network.certificate", string="Certificates")
    reason = fields.Text(required=True)

    def action_revoke(self):
        self.certificate_ids.action_revoke(self.reason)
        return {"type": "ir.actions.act_window_close"}
