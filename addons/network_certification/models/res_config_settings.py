from odoo import fields, models


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
