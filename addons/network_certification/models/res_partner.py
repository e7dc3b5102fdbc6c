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
        string="Network Platform (current year)",
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

    @api.depends("network_platform_year_ids")
    def _compute_is_network_platform(self):
        current = self.env["network.school.year"]._get_current()
        for partner in self:
            partner.is_network_platform = bool(current) and current in (
                partner.network_platform_year_ids
            )

    def _search_is_network_platform(self, operator, value):
        current = self.env["network.school.year"]._get_current()
        positive = (operator == "=") == bool(value)
        domain = [("network_platform_year_ids", "in", current.ids)]
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
