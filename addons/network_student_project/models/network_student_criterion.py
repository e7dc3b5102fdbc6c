from odoo import _, api, fields, models
from odoo.exceptions import UserError


class NetworkStudentCriterion(models.Model):
    """A criterion the jury scores a participant on, from 0 to ``max_score``; the total of a
    participant weighs each criterion's average over the jury by ``weight``."""

    _name = "network.student.criterion"
    _description = "Criterion of a Project for Students"
    _order = "project_id, sequence, id"

    project_id = fields.Many2one(
        "network.student.project", required=True, index=True, ondelete="cascade"
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True)
    max_score = fields.Float(string="Maximum Score", required=True, default=10.0)
    weight = fields.Float(required=True, default=1.0)
    company_id = fields.Many2one(related="project_id.company_id", store=True)

    _sql_constraints = [
        ("max_score_positive", "CHECK(max_score > 0)", "The maximum score is above zero."),
        ("weight_positive", "CHECK(weight > 0)", "The weight of a criterion is above zero."),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        criteria = super().create(vals_list)
        if criteria.filtered(lambda c: c.project_id.state in ("judging", "done")):
            raise UserError(_("The criteria do not change once the jury judges."))
        return criteria

    def write(self, vals):
        if {"max_score", "weight", "project_id"} & set(vals) and self.filtered(
            lambda c: c.project_id.state in ("judging", "done")
        ):
            raise UserError(_("The criteria do not change once the jury judges."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_before_judging(self):
        if self.filtered(lambda c: c.project_id.state in ("judging", "done")):
            raise UserError(_("The criteria do not change once the jury judges."))
