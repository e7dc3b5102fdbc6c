from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    network_expertise_min_done = fields.Integer(
        related="company_id.network_expertise_min_done", readonly=False
    )
    network_expertise_anonymous = fields.Boolean(
        related="company_id.network_expertise_anonymous", readonly=False
    )
