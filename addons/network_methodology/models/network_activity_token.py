from odoo import _, api, fields, models
from odoo.exceptions import UserError


class NetworkActivityToken(models.Model):
    """One entry of a teacher's activity card ("центрик"): append-only ledger."""

    _name = "network.activity.token"
    _description = "Activity Token"
    _inherit = ["network.school.year.mixin"]
    _order = "date desc, id desc"
    _rec_name = "partner_id"

    partner_id = fields.Many2one(
        "res.partner",
        string="Teacher",
        required=True,
        index=True,
        ondelete="restrict",
        domain=[("is_teacher", "=", True)],
    )
    organization_id = fields.Many2one("res.partner", index=True, ondelete="restrict")
    event_id = fields.Many2one("event.event", required=True, index=True, ondelete="restrict")
    event_form = fields.Selection(related="event_id.event_form", string="Form")
    host_organization_id = fields.Many2one(
        related="event_id.host_organization_id", string="Host Organization"
    )
    role = fields.Selection(
        [("listener", "Listener (green)"), ("presenter", "Presenter (red)")],
        required=True,
        index=True,
    )
    color = fields.Integer(compute="_compute_color")
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    state = fields.Selection(
        [("valid", "Valid"), ("revoked", "Revoked")],
        default="valid",
        required=True,
        index=True,
    )
    revoke_reason = fields.Char()

    _sql_constraints = [
        (
            "teacher_event_role_uniq",
            "unique(partner_id, event_id, role)",
            "A teacher gets one token per event and role.",
        ),
    ]

    @api.depends("role")
    def _compute_color(self):
        # kanban colour indexes: 10 = green, 1 = red
        for token in self:
            token.color = 1 if token.role == "presenter" else 10

    @api.depends("partner_id", "role", "event_id")
    def _compute_display_name(self):
        roles = dict(self._fields["role"]._description_selection(self.env))
        for token in self:
            token.display_name = f"{token.partner_id.name} — {roles.get(token.role, '')}"

    def action_revoke(self, reason=None):
        if self.filtered(lambda t: t.state != "valid"):
            raise UserError(_("Only a valid token can be revoked."))
        self.write({"state": "revoked", "revoke_reason": reason or False})
        return True

    def action_restore(self):
        if self.filtered(lambda t: t.state != "revoked"):
            raise UserError(_("Only a revoked token can be restored."))
        self.write({"state": "valid", "revoke_reason": False})
        return True
