from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import format_date

ORDER_KINDS = [
    ("order", "Order"),
    ("regulation", "Regulation"),
    ("plan", "Plan"),
    ("other", "Other"),
]
# What an order in force (or cancelled) states once and for all.
FROZEN_ORDER_FIELDS = {"name", "date", "order_kind", "subject", "issuer_id", "company_id"}


class NetworkOrder(models.Model):
    """The register of orders and regulations of the network (plan 000, Krasnodar 002): the
    centre's own orders, numbered from a sequence when they come into force, and the documents
    of other bodies (the education department's orders) under their own numbers."""

    _name = "network.order"
    _description = "Order or Regulation"
    _network_portal_path = "documents"
    _inherit = [
        "network.portal.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "network.school.year.mixin",
    ]
    _order = "date desc, id desc"
    _rec_names_search = ["name", "subject"]
    _check_company_auto = True

    name = fields.Char(string="Number", copy=False, index=True, tracking=True)
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    order_kind = fields.Selection(
        ORDER_KINDS, string="Kind", required=True, default="order", tracking=True
    )
    subject = fields.Char(required=True, tracking=True)
    issuer_id = fields.Many2one(
        "res.partner",
        string="Issued By",
        required=True,
        domain=[("is_company", "=", True)],
        default=lambda self: self.env.company.partner_id,
        tracking=True,
        help="The centre for its own orders (numbered by the register), or the body whose "
        "document is registered under its own number.",
    )
    description = fields.Text(string="Summary")
    document = fields.Binary(string="File", attachment=True, copy=False)
    document_filename = fields.Char(copy=False)
    meeting_id = fields.Many2one(
        "network.council.meeting",
        string="Decided at Meeting",
        index=True,
        tracking=True,
        check_company=True,
        domain=[("state", "in", ("held", "approved"))],
    )
    council_decision_ids = fields.One2many(
        "network.council.decision", "order_id", string="Platform Decisions", readonly=True
    )
    state = fields.Selection(
        [("draft", "Draft"), ("in_force", "In force"), ("cancelled", "Cancelled")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    date_cancelled = fields.Date(readonly=True, copy=False)
    cancel_reason = fields.Text(string="Reason for Cancellation", readonly=True, copy=False)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )

    _sql_constraints = [
        (
            "number_uniq",
            "unique(company_id, issuer_id, name, date)",
            "The register already holds a document of this body with this number and date.",
        ),
    ]

    @api.depends("name", "subject", "date")
    def _compute_display_name(self):
        kinds = dict(self._fields["order_kind"]._description_selection(self.env))
        for order in self:
            number = _("No. %s", order.name) if order.name else _("draft")
            order.display_name = _(
                "%(kind)s %(number)s of %(date)s “%(subject)s”",
                kind=kinds.get(order.order_kind, ""),
                number=number,
                date=format_date(self.env, order.date) if order.date else "",
                subject=order.subject or "",
            )

    def write(self, vals):
        if FROZEN_ORDER_FIELDS & set(vals) and any(o.state != "draft" for o in self):
            raise UserError(
                _(
                    "The number, date, kind, subject and issuer of an order in force or "
                    "cancelled cannot be changed: register a new document."
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if any(order.state != "draft" for order in self):
            raise UserError(_("Only a draft can be deleted from the register."))

    # ------------------------------------------------------------------ actions
    def _check_manager(self):
        if not self.env.su and not self.env.user.has_group(
            "network_methodology.group_network_manager"
        ):
            raise AccessError(_("Only the director (network manager) signs orders into force."))

    def action_put_in_force(self):
        """The order comes into force; the centre's own orders get the register's next
        number, another body's keep the number typed from the paper."""
        self._check_manager()
        company_partners = self.company_id.partner_id
        for order in self:
            if order.state != "draft":
                raise UserError(_("Only a draft comes into force (%s).", order.display_name))
            if not order.name and order.issuer_id not in company_partners:
                raise UserError(
                    _(
                        "Enter the number of the document of %s: the register numbers only "
                        "the centre's own orders.",
                        order.issuer_id.name,
                    )
                )
        unnumbered = self.filtered(lambda o: not o.name)
        numbers = self.env["ir.sequence"]._next_batch_by_code("network.order", len(unnumbered))
        for order, number in zip(unnumbered, numbers or [], strict=True):
            super(NetworkOrder, order).write({"name": number})
        self.write({"state": "in_force"})
        return True

    def action_cancel(self, reason=None):
        """The order is cancelled (no longer in force), with the reason."""
        self._check_manager()
        if any(order.state != "in_force" for order in self):
            raise UserError(_("Only an order in force can be cancelled."))
        reason = (reason or "").strip()
        if not reason:
            raise UserError(_("Give the reason for cancelling the order."))
        self.write(
            {
                "state": "cancelled",
                "cancel_reason": reason,
                "date_cancelled": fields.Date.context_today(self),
            }
        )
        return True

    # ------------------------------------------------------------------ portal
    def _get_report_base_filename(self):
        self.ensure_one()
        return self.display_name
