from odoo import fields, models


class NetworkProject(models.Model):
    _inherit = "network.project"

    direction_ids = fields.Many2many(
        "network.innovation.direction",
        "network_project_direction_rel",
        "project_id",
        "direction_id",
        string="Directions of Innovation",
    )
