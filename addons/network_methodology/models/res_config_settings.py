from odoo import fields, models

# Size limit of one material file uploaded in the portal, unless the settings say otherwise.
MATERIAL_DEFAULT_MAX_MB = 25


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    network_matrix_public = fields.Boolean(
        string="Publish the matrix to everyone",
        config_parameter="network_methodology.matrix_public",
        help="Visitors who are not logged in can read the matrix of network interaction "
        "at /network/matrix. Portal users always can.",
    )
    network_material_max_mb = fields.Integer(
        string="Size limit of a material file (MB)",
        config_parameter="network_methodology.material_max_mb",
        default=MATERIAL_DEFAULT_MAX_MB,
        help="Files larger than this are refused when schools upload materials in the portal.",
    )
