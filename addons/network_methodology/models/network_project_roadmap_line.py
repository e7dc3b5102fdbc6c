from odoo import fields, models


class NetworkProjectRoadmapLine(models.Model):
    _name = "network.project.roadmap.line"
    _description = "Road Map Line"
    _order = "project_id, sequence, date_deadline, id"

    project_id = fields.Many2one("network.project", required=True, index=True, ondelete="cascade")
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Activity", required=True)
    stage = fields.Char(help="Stage of the project this activity belongs to")
    date_deadline = fields.Date(string="Deadline")
    user_id = fields.Many2one("res.users", string="Responsible")
    is_done = fields.Boolean(string="Done")
    note = fields.Text()
