from odoo import api, fields, models


class EventEvent(models.Model):
    _inherit = "event.event"

    direction_id = fields.Many2one(
        "network.innovation.direction",
        string="Direction of Innovation",
        compute="_compute_direction_id",
        store=True,
        readonly=False,
        index=True,
        help="The direction of the offer the event carries out; set it by hand for events "
        "without an offer.",
    )

    @api.depends("offer_id.direction_id")
    def _compute_direction_id(self):
        for event in self:
            event.direction_id = event.offer_id.direction_id or event.direction_id
