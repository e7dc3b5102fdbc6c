from odoo import fields, models


class NetworkCouncilDecisionLine(models.Model):
    _inherit = "network.council.decision.line"

    feedback_score = fields.Float(
        string="Participants' Rating (%)",
        readonly=True,
        digits=(16, 1),
        help="Average feedback score of the network events it hosted in the school year.",
    )
    feedback_count = fields.Integer(string="Feedback Answers", readonly=True)

    def _facts_values(self, facts):
        values = super()._facts_values(facts)
        values.setdefault("feedback_score", 0.0)
        values.setdefault("feedback_count", 0)
        return values
