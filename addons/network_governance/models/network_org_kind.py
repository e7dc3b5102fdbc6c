from odoo import fields, models

from odoo.addons.network_methodology.models.res_partner import ORG_KINDS


class NetworkOrgKind(models.Model):
    """A kind of organization (``res.partner.network_org_kind``) as a record, so that a
    direction of innovation can name the kinds it is approved for."""

    _name = "network.org.kind"
    _description = "Kind of Organization"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Selection(ORG_KINDS, required=True)
    sequence = fields.Integer(default=10)

    _sql_constraints = [("code_uniq", "unique(code)", "Each kind of organization is listed once.")]
