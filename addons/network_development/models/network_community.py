from odoo import fields, models


class NetworkCommunity(models.Model):
    _inherit = "network.community"

    competence_ids = fields.Many2many(
        "network.competence",
        "network_community_competence_rel",
        "community_id",
        "competence_id",
        string="Developed Competences",
    )
