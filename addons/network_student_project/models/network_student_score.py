from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError


class NetworkStudentScore(models.Model):
    """The score one member of the jury gives one participant on one criterion, from 0 to the
    criterion's maximum."""

    _name = "network.student.score"
    _description = "Jury Score of a Participant"
    _order = "participant_id, criterion_id, jury_id"

    participant_id = fields.Many2one(
        "network.student.participant", required=True, index=True, ondelete="cascade"
    )
    project_id = fields.Many2one(
        related="participant_id.project_id", store=True, index=True, string="Project"
    )
    criterion_id = fields.Many2one(
        "network.student.criterion", required=True, index=True, ondelete="cascade"
    )
    jury_id = fields.Many2one(
        "res.partner", string="Jury Member", required=True, index=True, ondelete="restrict"
    )
    score = fields.Float(required=True, digits=(16, 2))
    company_id = fields.Many2one(related="participant_id.company_id", store=True)

    _sql_constraints = [
        (
            "one_score",
            "UNIQUE(participant_id, criterion_id, jury_id)",
            "A member of the jury scores a participant once per criterion.",
        ),
        ("score_positive", "CHECK(score >= 0)", "A score cannot be negative."),
    ]

    @api.constrains("score", "criterion_id", "jury_id", "participant_id")
    def _check_score(self):
        for score in self:
            project = score.participant_id.project_id
            if score.criterion_id.project_id != project:
                raise ValidationError(
                    _("“%s” is not a criterion of this project.", score.criterion_id.name)
                )
            if score.jury_id not in project.jury_ids:
                raise ValidationError(
                    _(
                        "%(name)s is not in the jury of “%(project)s”.",
                        name=score.jury_id.name,
                        project=project.name,
                    )
                )
            if not 0 <= score.score <= score.criterion_id.max_score:
                raise ValidationError(
                    _(
                        "“%(criterion)s” is scored from 0 to %(max)s.",
                        criterion=score.criterion_id.name,
                        max=score.criterion_id.max_score,
                    )
                )

    def _check_judging(self):
        if self.filtered(lambda s: s.participant_id.project_id.state != "judging"):
            raise UserError(_("Scores are given while the jury judges."))

    @api.model_create_multi
    def create(self, vals_list):
        scores = super().create(vals_list)
        scores._check_judging()
        return scores

    def write(self, vals):
        self._check_judging()
        res = super().write(vals)
        self._check_judging()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_while_judging(self):
        self._check_judging()
