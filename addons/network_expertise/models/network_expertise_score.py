from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class NetworkExpertiseScore(models.Model):
    _name = "network.expertise.score"
    _description = "Expertise Score"
    _order = "expertise_id, sequence, id"

    expertise_id = fields.Many2one(
        "network.expertise", required=True, index=True, ondelete="cascade"
    )
    criterion_id = fields.Many2one(
        "network.expertise.criterion", required=True, ondelete="restrict"
    )
    sequence = fields.Integer(related="criterion_id.sequence", store=True)
    max_score = fields.Integer(related="criterion_id.max_score")
    score = fields.Integer(required=True, default=0)

    _sql_constraints = [
        ("score_positive", "CHECK(score >= 0)", "A score cannot be negative."),
        (
            "criterion_uniq",
            "UNIQUE(expertise_id, criterion_id)",
            "An expertise scores each criterion once.",
        ),
    ]

    @api.constrains("score", "criterion_id")
    def _check_score(self):
        for line in self:
            if not 0 <= line.score <= line.criterion_id.max_score:
                raise ValidationError(
                    _(
                        "The score of “%(criterion)s” must lie between 0 and %(max)s.",
                        criterion=line.criterion_id.name,
                        max=line.criterion_id.max_score,
                    )
                )
