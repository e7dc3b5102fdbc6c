from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    network_expertise_min_done = fields.Integer(
        string="Finished Expertises Before Approval",
        default=2,
        help="A material cannot be approved before this number of finished expertises.",
    )
    network_expertise_anonymous = fields.Boolean(
        string="Anonymous Expertise",
        default=True,
        help="The authors see the results and comments of the expertise of their materials "
        "without the experts' names.",
    )

    _sql_constraints = [
        (
            "network_expertise_min_done_positive",
            "CHECK(network_expertise_min_done >= 0)",
            "The minimum number of expertises cannot be negative.",
        ),
    ]
