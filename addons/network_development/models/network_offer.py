from odoo import fields, models


class NetworkOffer(models.Model):
    _inherit = "network.offer"

    competence_ids = fields.Many2many(
        "network.competence",
        "network_offer_competence_rel",
        "offer_id",
        "competence_id",
        string="Developed Competences",
    )
    feedback_survey_id = fields.Many2one(
        "survey.survey",
        domain=[("scoring_type", "!=", "no_scoring")],
        help="Sent to the participants of this offer's events once tokens are issued, instead "
        "of the company's default feedback survey.",
    )
    feedback_score = fields.Float(
        string="Feedback Score (%)", compute="_compute_feedback", digits=(16, 1)
    )
    feedback_count = fields.Integer(string="Feedback Answers Count", compute="_compute_feedback")

    def _compute_feedback(self):
        stats = self.env["survey.user_input"]._network_feedback_stats("network_offer_id", self.ids)
        for offer in self:
            offer.feedback_score, offer.feedback_count = stats.get(offer.id, (0.0, 0))
