from odoo import models


class ResUsers(models.Model):
    _inherit = "res.users"

    def _network_portal_role(self):
        """How the user acts in the network portal: ``("coordinator", organization)`` for a
        portal user whose contact belongs to a member organization and is not a teacher,
        ``("teacher", organization)`` for a teacher of one, ``(False, organization)`` for
        everyone else. Internal users never act for a school in the portal: they work in the
        backend with their groups. The portal pages and the portal record rules (through
        ``ir.rule._eval_context``) both read this one rule."""
        self.ensure_one()
        partner = self.partner_id
        organization = partner.commercial_partner_id
        if not self.share or self._is_public() or not organization._is_network_organization():
            return False, organization
        return ("teacher" if partner.is_teacher else "coordinator"), organization
