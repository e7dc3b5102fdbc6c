from odoo import fields, models


class NetworkMaterial(models.Model):
    """The products of a professional community are materials with ``community_id``: they go
    through the centre's review (and expertise and the methodical bank where those add-ons are
    installed) like any material."""

    _inherit = "network.material"

    community_id = fields.Many2one(
        "network.community",
        index="btree_not_null",
        ondelete="restrict",
        tracking=True,
        help="The professional community whose product this material is.",
    )
