from odoo import api, fields, models


class NetworkRequestScheduleWizard(models.TransientModel):
    """The methodist adds an accepted request to a network event its executor already plans
    (rulebook 3.2: one seminar can serve several applicants) instead of creating another."""

    _name = "network.request.schedule.wizard"
    _description = "Add a Request to a Planned Network Event"

    request_id = fields.Many2one(
        "network.request", required=True, readonly=True, ondelete="cascade"
    )
    available_event_ids = fields.Many2many("event.event", compute="_compute_available_event_ids")
    event_id = fields.Many2one(
        "event.event",
        string="Planned Event",
        required=True,
        domain="[('id', 'in', available_event_ids)]",
    )

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if self.env.context.get("active_model") == "network.request":
            values["request_id"] = self.env.context.get("active_id")
        return values

    @api.depends("request_id")
    def _compute_available_event_ids(self):
        for wizard in self:
            wizard.available_event_ids = self.env["event.event"].search(
                wizard.request_id._planned_events_domain()
            )

    def action_schedule(self):
        self.ensure_one()
        return self.request_id.action_schedule(self.event_id)._network_form_action()
