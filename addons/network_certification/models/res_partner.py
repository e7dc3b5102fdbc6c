from odoo import _, api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    network_certificate_ids = fields.One2many(
        "network.certificate", "partner_id", string="Certificates"
    )
    network_certificate_count = fields.Integer(compute="_compute_network_certificate_count")
    network_platform_year_ids = fields.Many2many(
        "network.school.year",
        "network_platform_partner_year_rel",
        "partner_id",
        "school_year_id",
        string="Network Platform Years",
        readonly=True,
        copy=False,
        help="School years for which the organization holds the «Network platform» status "
        "(set by approved council decisions).",
    )
    is_network_platform = fields.Boolean(
        string="Network Platform",
        help="Holds the «Network platform» status now: from the order approving the council's "
        "decision until the next school year's decision.",
        compute="_compute_is_network_platform",
        search="_search_is_network_platform",
    )

    def _compute_network_certificate_count(self):
        counts = dict(
            self.env["network.certificate"]._read_group(
                [("partner_id", "in", self.ids), ("state", "!=", "draft")],
                ["partner_id"],
                ["__count"],
            )
        )
        for partner in self:
            partner.network_certificate_count = counts.get(partner, 0)

    @api.model
    def _network_platform_year(self, day=None):
        """The school year whose «Network platform» status is in force on ``day`` (today): that
        of the latest decision approved by an order dated by then. A status approved in August
        lasts through the following school year, until the next year's decision (rulebook
        3.4)."""
        day = day or fields.Date.context_today(self)
        decisions = (
            self.env["network.council.decision"]
            .sudo()
            .search(
                [
                    ("state", "=", "approved"),
                    ("order_date", "<=", day),
                    ("company_id", "in", self.env.companies.ids),
                ]
            )
        )
        years = decisions.school_year_id
        return max(years, key=lambda y: y.date_start) if years else years

    @api.depends("network_platform_year_ids")
    @api.depends_context("company")
    def _compute_is_network_platform(self):
        year = self._network_platform_year()
        for partner in self:
            partner.is_network_platform = bool(year) and year in partner.network_platform_year_ids

    def _search_is_network_platform(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError(_("Search whether the organization is a platform or not."))
        year = self._network_platform_year()
        positive = (operator == "=") == value
        domain = [("network_platform_year_ids", "in", year.ids)]
        return domain if positive else ["!", *domain]

    def action_view_network_certificates(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "network_certification.network_certificate_action"
        )
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action

    def _get_report_base_filename(self):
        """Name of the activity card PDF downloaded from the portal (``_show_report``)."""
        self.ensure_one()
        return _("Activity card %s", self.name)

    def _network_activity_card_tokens(self):
        """Tokens shown on the printed activity card: valid and used, oldest first."""
        self.ensure_one()
        return self.env["network.activity.token"].search(
            [("partner_id", "=", self.id), ("state", "in", ("valid", "used"))],
            order="date, id",
        )
