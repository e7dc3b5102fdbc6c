from odoo import api, fields, models


class NetworkCommunityMemberWizard(models.TransientModel):
    """Adds teachers to a community in one go, through ``network.community.action_join``."""

    _name = "network.community.member.wizard"
    _description = "Add Members to a Community"

    community_id = fields.Many2one("network.community", required=True, readonly=True)
    organization_id = fields.Many2one(related="community_id.organization_id")
    partner_ids = fields.Many2many(
        "res.partner",
        string="Teachers",
        required=True,
        domain="[('is_teacher', '=', True), ('parent_id', '=?', organization_id), "
        "('id', 'not in', current_partner_ids)]",
    )
    current_partner_ids = fields.Many2many(
        "res.partner", compute="_compute_current_partner_ids", string="Current Members"
    )

    @api.depends("community_id")
    def _compute_current_partner_ids(self):
        for wizard in self:
            wizard.current_partner_ids = wizard.community_id.current_member_ids.partner_id

    def action_confirm(self):
        self.ensure_one()
        self.community_id.action_join(self.partner_ids)
        return {"type": "ir.actions.act_window_close"}
