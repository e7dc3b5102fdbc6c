from odoo import Command, _, api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.network_methodology.models.network_offer import PUBLISHED_OFFER_STATES


class NetworkCouncilDecision(models.Model):
    """Decision of the scientific-methodological council on the «Network platform» status of
    organizations for a school year, approved by an order of the centre (rulebook 3.3–3.4)."""

    _name = "network.council.decision"
    _description = "Council Decision on Network Platforms"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "decision_date desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        required=True,
        tracking=True,
        default=lambda self: _("Council decision on network platforms"),
    )
    school_year_id = fields.Many2one(
        "network.school.year",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
        default=lambda self: self.env["network.school.year"]._get_current(),
        readonly=False,
    )
    decision_date = fields.Date(
        string="Council Date", required=True, default=fields.Date.context_today, tracking=True
    )
    order_number = fields.Char(tracking=True, copy=False)
    order_date = fields.Date(tracking=True, copy=False)
    note = fields.Html()
    line_ids = fields.One2many(
        "network.council.decision.line", "decision_id", string="Organizations", copy=False
    )
    certificate_ids = fields.One2many(
        "network.certificate", "council_decision_id", string="Certificates", readonly=True
    )
    certificate_count = fields.Integer(compute="_compute_certificate_count")
    state = fields.Selection(
        [("draft", "Draft"), ("approved", "Approved")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False, check_company=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )

    def _compute_certificate_count(self):
        counts = dict(
            self.env["network.certificate"]._read_group(
                [("council_decision_id", "in", self.ids)], ["council_decision_id"], ["__count"]
            )
        )
        for decision in self:
            decision.certificate_count = counts.get(decision, 0)

    def _creation_message(self):
        # the chatter's first line, in a Russian of the right gender (network.agreement's)
        return _("Council decision created")

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if any(decision.state != "draft" for decision in self):
            raise UserError(_("An approved council decision cannot be deleted."))

    def write(self, vals):
        if set(vals) & {"school_year_id", "line_ids", "company_id"} and any(
            decision.state == "approved" for decision in self
        ):
            raise UserError(_("An approved council decision cannot be changed."))
        return super().write(vals)

    # ------------------------------------------------------------------ candidates
    @api.model
    def _get_platform_facts(self, school_year, organization_ids=None, company=None):
        """Facts of the «Network platform» rule per organization for ``school_year``:
        ``{org_id: {'offer_count', 'event_count', 'network_teacher_count'}}`` — offers
        published that year, network events hosted that year and carried out on request,
        teachers certified «Network teacher» that year. Three grouped queries in all."""
        company = company or self.env.company
        org_domain = (
            [] if organization_ids is None else [("organization_id", "in", list(organization_ids))]
        )
        host_domain = (
            []
            if organization_ids is None
            else [("host_organization_id", "in", list(organization_ids))]
        )
        offers = self.env["network.offer"]._read_group(
            [
                ("school_year_id", "=", school_year.id),
                ("state", "in", PUBLISHED_OFFER_STATES),
                *org_domain,
            ],
            ["organization_id"],
            ["__count"],
        )
        events = self.env["event.event"]._read_group(
            [
                ("is_network_event", "=", True),
                ("school_year_id", "=", school_year.id),
                ("request_ids.state", "=", "done"),
                ("host_organization_id", "!=", False),
                *host_domain,
            ],
            ["host_organization_id"],
            ["__count"],
        )
        teachers = self.env["network.certificate"]._read_group(
            [
                ("certificate_kind", "=", "network_teacher"),
                ("state", "=", "issued"),
                ("school_year_id", "=", school_year.id),
                ("company_id", "=", company.id),
                ("organization_id", "!=", False),
                *org_domain,
            ],
            ["organization_id"],
            ["partner_id:count_distinct"],
        )
        facts = {}

        def fact(org):
            return facts.setdefault(
                org.id, {"offer_count": 0, "event_count": 0, "network_teacher_count": 0}
            )

        for org, count in offers:
            fact(org)["offer_count"] = count
        for org, count in events:
            fact(org)["event_count"] = count
        for org, count in teachers:
            fact(org)["network_teacher_count"] = count
        return facts

    @api.model
    def _is_platform_candidate(self, facts, company=None):
        company = company or self.env.company
        return bool(
            facts
            and facts["offer_count"]
            and facts["event_count"]
            and facts["network_teacher_count"] >= company.network_platform_min_teachers
        )

    def action_load_candidates(self):
        """List every candidate organization of the school year (keeping lines already there)."""
        for decision in self:
            if decision.state != "draft":
                raise UserError(_("Candidates can only be loaded into a draft decision."))
            facts = self._get_platform_facts(decision.school_year_id, company=decision.company_id)
            listed = set(decision.line_ids.organization_id.ids)
            new = [
                org_id
                for org_id, org_facts in facts.items()
                if org_id not in listed
                and self._is_platform_candidate(org_facts, decision.company_id)
            ]
            organizations = self.env["res.partner"].browse(new).sorted("name")
            decision.line_ids = [
                Command.create({"organization_id": org.id, "included": True})
                for org in organizations
            ]
            decision.line_ids._update_facts()
        return True

    def action_refresh_facts(self):
        if any(decision.state != "draft" for decision in self):
            raise UserError(_("The facts of an approved decision are frozen."))
        self.line_ids._update_facts()
        return True

    # ------------------------------------------------------------------ approval
    def action_approve(self):
        """Approve the decision by the centre's order: issue the «Network platform»
        certificates of the included organizations and give them the status of the year."""
        if not self.env.user.has_group("network_methodology.group_network_manager"):
            raise AccessError(_("Only a network manager can approve a council decision."))
        for decision in self:
            if decision.state != "draft":
                raise UserError(_("Only a draft council decision can be approved."))
            if not (decision.order_number and decision.order_date):
                raise UserError(_("Enter the number and date of the order approving the decision."))
            decision.line_ids._update_facts()
            for line in decision.line_ids:
                if line.included != line.is_candidate and not (line.reason or "").strip():
                    raise UserError(
                        _(
                            "Give the reason for including %s, which does not meet the "
                            "conditions.",
                            line.organization_id.name,
                        )
                        if line.included
                        else _(
                            "Give the reason for excluding candidate %s.",
                            line.organization_id.name,
                        )
                    )
            included = decision.line_ids.filtered("included")
            already = self.env["network.certificate"].search(
                [
                    ("certificate_kind", "=", "platform"),
                    ("state", "=", "issued"),
                    ("school_year_id", "=", decision.school_year_id.id),
                    ("partner_id", "in", included.organization_id.ids),
                ],
                limit=1,
            )
            if already:
                raise UserError(
                    _(
                        "%(org)s already holds the «Network platform» certificate for %(year)s.",
                        org=already.partner_id.name,
                        year=decision.school_year_id.name,
                    )
                )
            certificates = self.env["network.certificate"].create(
                [
                    {
                        "certificate_kind": "platform",
                        "partner_id": line.organization_id.id,
                        "school_year_id": decision.school_year_id.id,
                        "company_id": decision.company_id.id,
                        "council_decision_id": decision.id,
                    }
                    for line in included
                ]
            )
            certificates.action_issue()
            for line, certificate in zip(included, certificates, strict=True):
                line.certificate_id = certificate
            decision.write({"state": "approved", "approved_by_id": self.env.uid})
        return True

    def action_view_certificates(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "network_certification.network_certificate_action"
        )
        action["domain"] = [("council_decision_id", "=", self.id)]
        action["context"] = {}
        return action
