from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class EventEvent(models.Model):
    """The network events of a project for students (its opening, final, defence …): the
    organizing teachers and the jury present and earn their red tokens as at any network
    event; teachers attending earn green ones."""

    _inherit = "event.event"

    student_project_id = fields.Many2one(
        "network.student.project",
        string="Project for Students",
        index="btree_not_null",
        ondelete="restrict",
        tracking=True,
    )

    @api.constrains("student_project_id", "is_network_event")
    def _check_student_project_event(self):
        for event in self.filtered("student_project_id"):
            if not event.is_network_event:
                raise ValidationError(
                    _("“%s”: an event of a project for students is a network event.", event.name)
                )
