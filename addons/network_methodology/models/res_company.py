from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    network_require_agreement = fields.Boolean(
        string="Cooperation Agreement Required",
        default=True,
        help="Rulebook 1.8 and 5.1: without a cooperation agreement with the centre in force, "
        "an organization cannot publish offers, submit requests or be a candidate for the "
        "«Network platform» status.",
    )
