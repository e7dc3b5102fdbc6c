from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class NetworkStudentProjectStage(models.Model):
    """A stage of a project for students (qualifying round, final, defence of the projects …)
    with its dates, shown in the portal."""

    _name = "network.student.project.stage"
    _description = "Stage of a Project for Students"
    _order = "project_id, sequence, date_start, id"

    project_id = fields.Many2one(
        "network.student.project", required=True, index=True, ondelete="cascade"
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True)
    date_start = fields.Date(string="Start")
    date_end = fields.Date(string="End")
    description = fields.Text()
    company_id = fields.Many2one(related="project_id.company_id", store=True)

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for stage in self:
            if stage.date_start and stage.date_end and stage.date_start > stage.date_end:
                raise ValidationError(_("The stage “%s” ends before it starts.", stage.name))
