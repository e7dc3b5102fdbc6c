from odoo import fields, models


class EventRegistration(models.Model):
    _inherit = "event.registration"

    network_organization_id = fields.Many2one(
        related="partner_id.parent_id", string="Organization of the Attendee"
    )
    network_reminder_sent = fields.Boolean(
        readonly=True, copy=False, help="The reminder of the network event was mailed."
    )
