from odoo import api, models


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.model_create_multi
    def create(self, vals_list):
        users = super().create(vals_list)
        users._network_set_home_action()
        return users

    def write(self, vals):
        res = super().write(vals)
        if any(key.startswith(("groups_id", "in_group_", "sel_groups_")) for key in vals):
            self._network_set_home_action()
        return res

    def _network_set_home_action(self):
        """The education department comes for the figures: the KPI dashboard is its landing
        page (others land on the first app, the network's). A home action already chosen for
        the user is kept."""
        department = self.filtered(
            lambda user: not user.action_id
            and user.has_group("network_methodology.group_network_department")
            and not user.has_group("network_methodology.group_network_user")
        )
        if department:
            department.action_id = self.env.ref("network_methodology.network_kpi_report_action").id

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
