from odoo import api, fields, models

from odoo.addons.network_methodology.models.res_partner import NETWORK_ORGANIZATION_DOMAIN

RESOURCE_KINDS = [
    ("staff", "Staff"),
    ("methodical", "Methodical"),
    ("material_technical", "Material and technical"),
    ("digital", "Digital"),
]


class NetworkResource(models.Model):
    """What an organization can share with the network (Krasnodar, 002, 6.1: the coordination
    council gathers the staff, methodical and material-technical resources of the network's
    agents; rulebook 001, 3.2.3: a network event uses the resources of one or several
    organizations). Available resources are listed in the portal catalogue beside the offers;
    other organizations request them."""

    _name = "network.resource"
    _description = "Shared Resource"
    _network_portal_path = "resources"
    _inherit = ["network.portal.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "organization_id, resource_kind, name"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    organization_id = fields.Many2one(
        "res.partner",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        ondelete="restrict",
        domain=NETWORK_ORGANIZATION_DOMAIN,
    )
    resource_kind = fields.Selection(
        RESOURCE_KINDS, string="Kind", required=True, default="methodical", tracking=True
    )
    description = fields.Text()
    conditions = fields.Text(
        string="Conditions of Use", help="When and how the resource can be used, by how many."
    )
    contact_id = fields.Many2one(
        "res.partner",
        string="Contact Person",
        domain="[('parent_id', '=', organization_id), ('is_company', '=', False)]",
    )
    is_available = fields.Boolean(
        string="Available", default=True, tracking=True, help="Shown in the portal catalogue."
    )
    cluster_id = fields.Many2one(related="organization_id.network_cluster_id", store=True)
    request_ids = fields.One2many("network.resource.request", "resource_id", string="Requests")
    request_count = fields.Integer(compute="_compute_request_count")
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )

    def _compute_request_count(self):
        counts = dict(
            self.env["network.resource.request"]._read_group(
                [("resource_id", "in", self.ids)], ["resource_id"], ["__count"]
            )
        )
        for resource in self:
            resource.request_count = counts.get(resource, 0)

    @api.depends("name", "organization_id.name")
    def _compute_display_name(self):
        for resource in self:
            resource.display_name = (
                f"{resource.name} ({resource.organization_id.name})"
                if resource.organization_id
                else resource.name
            )

    def _network_portal_parties(self):
        return self.organization_id

    def action_view_requests(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "network_governance.network_resource_request_action"
        )
        action["domain"] = [("resource_id", "=", self.id)]
        action["context"] = {"default_resource_id": self.id}
        return action
