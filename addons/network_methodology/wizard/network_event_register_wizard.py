from odoo import _, api, fields, models

from ..models.res_partner import NETWORK_ORGANIZATION_DOMAIN
from ..tools import notification, plural


class NetworkEventRegisterWizard(models.TransientModel):
    """The methodist registers teachers for a network event in one dialog: before the event
    they are registered, after it they are recorded as having attended."""

    _name = "network.event.register.wizard"
    _description = "Register Teachers for a Network Event"

    event_id = fields.Many2one("event.event", required=True, readonly=True, ondelete="cascade")
    event_started = fields.Boolean(compute="_compute_event_started")
    organization_id = fields.Many2one(
        "res.partner",
        domain=NETWORK_ORGANIZATION_DOMAIN,
        help="Show the teachers of one organization.",
    )
    teacher_ids = fields.Many2many(
        "res.partner",
        domain="[('is_teacher', '=', True), ('parent_id', '=?', organization_id)]",
    )

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if self.env.context.get("active_model") == "event.event":
            values["event_id"] = self.env.context.get("active_id")
        return values

    @api.depends("event_id")
    def _compute_event_started(self):
        now = fields.Datetime.now()
        for wizard in self:
            wizard.event_started = bool(wizard.event_id.date_begin) and (
                wizard.event_id.date_begin <= now
            )

    def action_register(self):
        self.ensure_one()
        registrations = self.event_id._register_teachers(
            self.teacher_ids, state="done" if self.event_started else "open"
        )
        count = plural(self.env, len(registrations), _("teacher|teachers"))
        if not registrations:
            return notification(_("They were all registered already."), "info")
        if self.event_started:
            return notification(_("Recorded as attended: %s.", count), "success")
        return notification(_("Registered: %s.", count), "success")
