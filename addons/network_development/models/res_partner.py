from odoo import fields, models


class ResPartner(models.Model):
    """An executor's feedback: what participants of the network events it hosted think of
    them, all years together (the council reads the school year's own)."""

    _inherit = "res.partner"

    network_feedback_score = fields.Float(
        string="Participants' Rating (%)",
        compute="_compute_network_feedback",
        digits=(16, 1),
        help="Average score of the feedback surveys on the network events it hosted.",
    )
    network_feedback_count = fields.Integer(
        string="Feedback Answers", compute="_compute_network_feedback"
    )

    def _compute_network_feedback(self):
        stats = self.env["survey.user_input"].sudo()._network_feedback_by_host(self.ids)
        for partner in self:
            partner.network_feedback_score, partner.network_feedback_count = stats.get(
                partner.id, (0.0, 0)
            )
