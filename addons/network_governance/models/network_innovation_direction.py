from odoo import _, api, fields, models


class NetworkInnovationDirection(models.Model):
    """A direction of innovation approved for a school year (Krasnodar, 002: «актуальные
    направления инновационной деятельности»), for every organization or for some kinds of
    organizations. Offers and projects name the direction they work in; the KPIs and the
    matrix can be narrowed to one direction."""

    _name = "network.innovation.direction"
    _description = "Direction of Innovation"
    _inherit = ["mail.thread"]
    _order = "school_year_id desc, sequence, name"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    code = fields.Char()
    sequence = fields.Integer(default=10)
    school_year_id = fields.Many2one(
        "network.school.year",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
        default=lambda self: self.env["network.school.year"]._get_current(),
    )
    org_kinds = fields.Many2many(
        "network.org.kind",
        string="Kinds of Organizations",
        help="The kinds of organizations the direction is approved for; empty: every kind.",
    )
    description = fields.Text()
    order_id = fields.Many2one(
        "network.order",
        string="Approving Order",
        tracking=True,
        check_company=True,
        help="The order of the register that approved the directions of the year.",
    )
    offer_ids = fields.One2many("network.offer", "direction_id", string="Offers")
    offer_count = fields.Integer(compute="_compute_counts")
    project_ids = fields.Many2many(
        "network.project",
        "network_project_direction_rel",
        "direction_id",
        "project_id",
        string="Projects",
    )
    project_count = fields.Integer(compute="_compute_counts")
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )

    _sql_constraints = [
        (
            "name_year_uniq",
            "unique(company_id, school_year_id, name)",
            "This direction is already approved for the school year.",
        ),
    ]

    def _compute_counts(self):
        offers = dict(
            self.env["network.offer"]._read_group(
                [("direction_id", "in", self.ids)], ["direction_id"], ["__count"]
            )
        )
        projects = dict(
            self.env["network.project"]._read_group(
                [("direction_ids", "in", self.ids)], ["direction_ids"], ["__count"]
            )
        )
        for direction in self:
            direction.offer_count = offers.get(direction, 0)
            direction.project_count = projects.get(direction, 0)

    def _fits_organization(self, organization):
        """Whether ``organization`` may work in the direction (its kind is one of the
        direction's kinds, or the direction is for every kind)."""
        self.ensure_one()
        return not self.org_kinds or organization.network_org_kind in self.org_kinds.mapped("code")

    @api.model
    def _for_organization(self, school_year, organization):
        """The directions of ``school_year`` open to ``organization``."""
        directions = self.search([("school_year_id", "=", school_year.id)])
        return directions.filtered(lambda d: d._fits_organization(organization))

    def action_view_offers(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "network_methodology.network_offer_action"
        )
        action["domain"] = [("direction_id", "=", self.id)]
        action["context"] = {"default_direction_id": self.id}
        return action

    def action_view_projects(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "network_methodology.network_project_action"
        )
        action["domain"] = [("direction_ids", "in", self.ids)]
        action["context"] = {}
        return action

    def action_view_kpis(self):
        """The KPI dashboard narrowed to the direction."""
        self.ensure_one()
        return self.env["network.kpi.report"]._action_filtered(
            _("KPIs — %s", self.display_name), network_direction_id=self.id
        )
