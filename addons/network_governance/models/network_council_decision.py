from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError


class NetworkCouncilDecision(models.Model):
    """The «Network platform» decision (rulebook 001, 3.4) is taken at a council meeting and
    approved by an order, which is one of the register's documents."""

    _inherit = "network.council.decision"

    meeting_id = fields.Many2one(
        "network.council.meeting",
        string="Council Meeting",
        index=True,
        tracking=True,
        check_company=True,
        domain=[("state", "in", ("held", "approved"))],
        help="The meeting of the council that took the decision.",
    )
    order_id = fields.Many2one(
        "network.order",
        index=True,
        tracking=True,
        check_company=True,
        domain=[("order_kind", "=", "order"), ("state", "!=", "cancelled")],
        help="The order of the register approving the decision; approving the decision puts "
        "a draft order into force. Without one, approving registers the order typed below.",
    )

    @api.constrains("meeting_id")
    def _check_meeting(self):
        for decision in self.filtered("meeting_id"):
            if decision.meeting_id.state not in ("held", "approved"):
                raise ValidationError(
                    _(
                        "A council decides at a meeting that took place: %s was not held.",
                        decision.meeting_id.display_name,
                    )
                )

    @api.onchange("meeting_id")
    def _onchange_meeting_id(self):
        if self.meeting_id:
            self.decision_date = fields.Datetime.context_timestamp(
                self, self.meeting_id.date
            ).date()

    @api.onchange("order_id")
    def _onchange_order_id(self):
        if self.order_id:
            self.order_number = self.order_id.name
            self.order_date = self.order_id.date

    def action_approve(self):
        for decision in self.filtered("order_id"):
            order = decision.order_id
            if order.state == "cancelled":
                raise UserError(_("The order %s is cancelled.", order.display_name))
            if order.state == "draft" and decision.state == "draft":
                order.action_put_in_force()
            decision.write({"order_number": order.name, "order_date": order.date})
        result = super().action_approve()
        self._register_orders()
        return result

    def _order_subject(self):
        """The subject of the approving order, in the centre's language."""
        self.ensure_one()
        return _(
            "On the «Network platform» status for the school year %s", self.school_year_id.name
        )

    def _register_orders(self):
        """Register the approving order of each approved decision that names none: the order
        with the decision's number and date (already in the register, or added in force)."""
        decisions = self.filtered(
            lambda d: d.state == "approved" and not d.order_id and d.order_number and d.order_date
        )
        Order = self.env["network.order"].sudo()
        for decision in decisions:
            issuer = decision.company_id.partner_id
            order = Order.search(
                [
                    ("company_id", "=", decision.company_id.id),
                    ("issuer_id", "=", issuer.id),
                    ("name", "=", decision.order_number),
                    ("date", "=", decision.order_date),
                ],
                limit=1,
            )
            if not order:
                order = Order.create(
                    {
                        "name": decision.order_number,
                        "date": decision.order_date,
                        "order_kind": "order",
                        "subject": decision.with_context(
                            lang=issuer.lang or self.env.lang
                        )._order_subject(),
                        "issuer_id": issuer.id,
                        "meeting_id": decision.meeting_id.id,
                        "company_id": decision.company_id.id,
                    }
                )
                order.action_put_in_force()
            decision.order_id = order
        return True
