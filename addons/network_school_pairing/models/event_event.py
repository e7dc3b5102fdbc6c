from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class EventEvent(models.Model):
    """Joint events of a pair of schools are network events with ``school_pair_id``: teachers
    register, attend and get their tokens as at any network event."""

    _inherit = "event.event"

    school_pair_id = fields.Many2one(
        "network.school.pair",
        string="Pair of Schools",
        index="btree_not_null",
        ondelete="restrict",
        tracking=True,
        help="The pair of schools this event is a joint event of.",
    )

    @api.constrains("school_pair_id", "is_network_event")
    def _check_school_pair_event(self):
        for event in self:
            if event.school_pair_id and not event.is_network_event:
                raise ValidationError(
                    _("“%s”: a joint event of a pair of schools is a network event.", event.name)
                )
            if event.school_pair_id.state == "cancelled":
                raise ValidationError(
                    _("“%s”: a cancelled pair plans no events.", event.school_pair_id.name)
                )
