from odoo import _, api, fields, models
from odoo.exceptions import UserError


class NetworkCouncilAgendaLine(models.Model):
    _name = "network.council.agenda.line"
    _description = "Agenda Item"
    _order = "meeting_id, sequence, id"

    meeting_id = fields.Many2one(
        "network.council.meeting", required=True, index=True, ondelete="cascade"
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Item", required=True)
    speaker_id = fields.Many2one("res.partner")
    decision = fields.Text()
    state = fields.Selection(related="meeting_id.state")
    company_id = fields.Many2one(related="meeting_id.company_id", store=True)

    def _check_open(self, meetings):
        if any(meeting.state == "approved" for meeting in meetings):
            raise UserError(
                _("Approved minutes cannot be changed; only their signed scan can be attached.")
            )

    @api.model_create_multi
    def create(self, vals_list):
        meetings = self.env["network.council.meeting"].browse(
            [vals["meeting_id"] for vals in vals_list if vals.get("meeting_id")]
        )
        self._check_open(meetings)
        return super().create(vals_list)

    def write(self, vals):
        self._check_open(self.meeting_id)
        if "meeting_id" in vals:
            self._check_open(self.env["network.council.meeting"].browse(vals["meeting_id"]))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_open(self):
        self._check_open(self.meeting_id)
