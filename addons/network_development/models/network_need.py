from odoo import fields, models


class NetworkNeed(models.Model):
    """A need the centre files for a school from its teachers' diagnostic deficits that no
    published offer develops (``network.diagnostic.action_file_needs``)."""

    _inherit = "network.need"

    competence_id = fields.Many2one(
        "network.competence",
        index="btree_not_null",
        ondelete="restrict",
        tracking=True,
        help="The competence the school's teachers lack, when the need comes from a diagnostic.",
    )
    diagnostic_id = fields.Many2one(
        "network.diagnostic",
        readonly=True,
        index="btree_not_null",
        ondelete="set null",
        check_company=True,
        help="The diagnostic whose deficits filed the need.",
    )
