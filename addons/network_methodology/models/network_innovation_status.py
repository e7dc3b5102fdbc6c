from odoo import fields, models


class NetworkInnovationStatus(models.Model):
    _name = "network.innovation.status"
    _description = "Innovation Status"
    _order = "sequence, code"
    # imports name statuses by their code (КИП) or their name
    _rec_names_search = ["name", "code"]

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    description = fields.Text(translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    color = fields.Integer()

    _sql_constraints = [
        ("code_uniq", "unique(code)", "An innovation status with this code already exists."),
    ]
