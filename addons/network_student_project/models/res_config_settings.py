from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    network_student_names_public = fields.Boolean(
        related="company_id.network_student_names_public", readonly=False
    )
