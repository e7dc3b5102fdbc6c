from odoo import fields, models


class NetworkMaterialTag(models.Model):
    _name = "network.material.tag"
    _description = "Network Material Tag"
    _order = "name"

    name = fields.Char(required=True)
    color = fields.Integer()
    active = fields.Boolean(default=True)
