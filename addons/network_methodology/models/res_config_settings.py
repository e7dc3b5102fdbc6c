from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    network_matrix_public = fields.Boolean(
        string="Publish the matrix to everyone",
        config_parameter="network_methodology.matrix_public",
        help="Visitors who are not logged in can read the matrix of network interaction "
        "at /network/matrix. Portal users always can.",
    )
