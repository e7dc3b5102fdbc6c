from odoo import api, models


class IrRule(models.Model):
    _inherit = "ir.rule"

    @api.model
    def _eval_context(self):
        """Adds to record rules the organization a portal user acts for, by
        ``res.users._network_portal_role``: ``network_member_org_ids`` for coordinators and
        teachers, ``network_coordinator_org_ids`` for coordinators only (empty lists for
        anyone else). Rule domains are cached: res.partner clears the cache when what the rule
        reads changes."""
        context = super()._eval_context()
        role, organization = self.env.user._network_portal_role()
        context["network_member_org_ids"] = organization.ids if role else []
        context["network_coordinator_org_ids"] = organization.ids if role == "coordinator" else []
        return context
