from odoo import _, api, fields, models
from odoo.exceptions import UserError

ROUTE_STATES = [
    ("draft", "Proposed"),
    ("agreed", "Agreed"),
    ("done", "Completed"),
]


class NetworkRoute(models.Model):
    """The individual educational route (ИОМ) of a teacher: steps that develop the competences
    a diagnostic found in deficit. Proposed by ``network.diagnostic.action_generate_routes``,
    agreed by the teacher in the portal (who may swap a step for another developing the same
    competence), done when every step is done."""

    _name = "network.route"
    _description = "Individual Educational Route"
    _inherit = ["network.portal.mixin", "mail.thread", "mail.activity.mixin"]
    _network_portal_path = "routes"
    _order = "id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Teacher",
        required=True,
        index=True,
        domain=[("is_teacher", "=", True)],
        tracking=True,
    )
    organization_id = fields.Many2one(
        "res.partner", related="partner_id.parent_id", store=True, index=True
    )
    school_year_id = fields.Many2one("network.school.year", index=True)
    diagnostic_id = fields.Many2one(
        "network.diagnostic", index=True, ondelete="restrict", tracking=True
    )
    line_ids = fields.One2many("network.route.line", "route_id", string="Steps", copy=True)
    state = fields.Selection(
        ROUTE_STATES, default="draft", required=True, tracking=True, index=True
    )
    date_agreed = fields.Date(readonly=True)
    step_count = fields.Integer(compute="_compute_progress", store=True)
    step_done_count = fields.Integer(compute="_compute_progress", store=True)
    progress = fields.Float(string="Progress (%)", compute="_compute_progress", store=True)
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)

    _sql_constraints = [
        (
            "unique_route",
            "UNIQUE(partner_id, diagnostic_id)",
            "A teacher has one route per diagnostic campaign.",
        ),
    ]

    @api.depends("partner_id.name", "school_year_id.name")
    def _compute_name(self):
        for route in self:
            route.name = _(
                "Route of %(teacher)s, %(year)s",
                teacher=route.partner_id.name or "",
                year=route.school_year_id.name or "",
            )

    @api.depends("line_ids.state")
    def _compute_progress(self):
        for route in self:
            route.step_count = len(route.line_ids)
            route.step_done_count = len(route.line_ids.filtered(lambda line: line.state == "done"))
            route.progress = (
                100.0 * route.step_done_count / route.step_count if route.step_count else 0.0
            )

    def _network_portal_parties(self):
        return self.partner_id

    # ------------------------------------------------------------------ workflow
    def action_agree(self):
        """The teacher agrees the proposed route."""
        for route in self:
            if route.state != "draft":
                raise UserError(_("“%s” has already been agreed.", route.name))
            if not route.line_ids.filtered(lambda line: line.step_kind != "none"):
                raise UserError(
                    _("“%s” has no step to follow yet: ask the methodist to add one.", route.name)
                )
        self.write({"state": "agreed", "date_agreed": fields.Date.context_today(self)})
        self._check_done()
        return True

    def action_reset_draft(self):
        for route in self:
            if route.state != "agreed":
                raise UserError(
                    _("Only an agreed route returns to proposed: “%s” is not.", route.name)
                )
        self.write({"state": "draft", "date_agreed": False})
        return True

    def _check_done(self):
        """Agreed routes whose steps are all done are completed."""
        done = self.filtered(
            lambda r: r.state == "agreed"
            and r.line_ids
            and all(line.state == "done" for line in r.line_ids)
        )
        if done:
            done.write({"state": "done"})
        return done
