from odoo import api, fields, models

from ..models.network_certificate import CERTIFICATE_KINDS, TEACHER_KINDS


class NetworkCertificationWizardLine(models.TransientModel):
    _name = "network.certification.wizard.line"
    _description = "Year-End Certificate Issue Line"
    _order = "organization_id, partner_id"

    wizard_id = fields.Many2one(
        "network.certification.wizard", required=True, ondelete="cascade", index=True
    )
    partner_id = fields.Many2one("res.partner", string="Teacher", required=True)
    organization_id = fields.Many2one("res.partner")
    green_count = fields.Integer(string="Green Tokens")
    red_count = fields.Integer(string="Red Tokens")
    total_count = fields.Integer(string="Tokens", compute="_compute_total_count")
    certificate_kind = fields.Selection(
        [kind for kind in CERTIFICATE_KINDS if kind[0] in TEACHER_KINDS], string="Certificate"
    )

    @api.depends("green_count", "red_count")
    def _compute_total_count(self):
        for line in self:
            line.total_count = line.green_count + line.red_count
