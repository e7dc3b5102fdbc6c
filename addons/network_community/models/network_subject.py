from odoo import fields, models


class NetworkSubject(models.Model):
    """A school subject (or field of work: primary school, preschool education …) that
    teachers teach and communities work on."""

    _name = "network.subject"
    _description = "School Subject"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    teacher_count = fields.Integer(compute="_compute_teacher_count")

    def _compute_teacher_count(self):
        counts = dict(
            self.env["res.partner"]._read_group(
                [("teacher_subject_ids", "in", self.ids), ("is_teacher", "=", True)],
                ["teacher_subject_ids"],
                ["__count"],
            )
        )
        for subject in self:
            subject.teacher_count = counts.get(subject, 0)
