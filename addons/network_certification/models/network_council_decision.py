from odoo import Command, _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

from odoo.addons.network_methodology.models.network_offer import PUBLISHED_OFFER_STATES
from odoo.addons.network_methodology.tools import notification, plural


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
        """Facts of the «Network platform» rule (rulebook 3.3.2) per organization for
        ``school_year``: ``{org_id: {'offer_count', 'event_count', 'network_teacher_count',
        'has_agreement'}}`` — offers published that year; network events of that year carried
        out on request that it hosted or co-hosted; its teachers certified «Network teacher»
        that year who presented at such an event of it; a cooperation agreement in force.
        Four queries in all."""
        company = company or self.env.company
        org_ids = None if organization_ids is None else list(organization_ids)
        offers = self.env["network.offer"]._read_group(
            [
                ("school_year_id", "=", school_year.id),
                ("state", "in", PUBLISHED_OFFER_STATES),
                *([] if org_ids is None else [("organization_id", "in", org_ids)]),
            ],
            ["organization_id"],
            ["__count"],
        )
        self.env.flush_all()
        org_filter = SQL("TRUE") if org_ids is None else SQL("o.org_id = ANY(%s)", org_ids)
        # the events of the year carried out on request, with their host and co-hosts
        events_cte = SQL(
            """
            WITH hosted AS (
                SELECT e.id AS event_id, e.host_organization_id AS org_id
                  FROM event_event e
                 WHERE e.is_network_event AND e.school_year_id = %(year)s
                   AND e.host_organization_id IS NOT NULL
                   AND EXISTS (SELECT 1 FROM network_request r
                                WHERE r.event_id = e.id AND r.state = 'done')
                UNION
                SELECT e.id, c.partner_id
                  FROM event_event e
                  JOIN event_event_network_cohost_rel c ON c.event_id = e.id
                 WHERE e.is_network_event AND e.school_year_id = %(year)s
                   AND EXISTS (SELECT 1 FROM network_request r
                                WHERE r.event_id = e.id AND r.state = 'done')
            )
            """,
            year=school_year.id,
        )
        events = self.env.execute_query(
            SQL(
                "%s SELECT o.org_id, count(DISTINCT o.event_id) FROM hosted o WHERE %s "
                "GROUP BY o.org_id",
                events_cte,
                org_filter,
            )
        )
        teachers = self.env.execute_query(
            SQL(
                """
                %(events)s
                SELECT o.org_id, count(DISTINCT c.partner_id)
                  FROM network_certificate c
                  JOIN hosted o ON o.org_id = c.organization_id
                  JOIN network_activity_token t
                    ON t.event_id = o.event_id AND t.partner_id = c.partner_id
                       AND t.role = 'presenter' AND t.state != 'revoked'
                 WHERE c.certificate_kind = 'network_teacher' AND c.state = 'issued'
                   AND c.school_year_id = %(year)s AND c.company_id = %(company)s
                   AND %(orgs)s
                 GROUP BY o.org_id
                """,
                events=events_cte,
                year=school_year.id,
                company=company.id,
                orgs=org_filter,
            )
        )
        facts = {}

        def fact(org_id):
            return facts.setdefault(
                org_id,
                {
                    "offer_count": 0,
                    "event_count": 0,
                    "network_teacher_count": 0,
                    "has_agreement": False,
                },
            )

        for org, count in offers:
            fact(org.id)["offer_count"] = count
        for org_id, count in events:
            fact(org_id)["event_count"] = count
        for org_id, count in teachers:
            fact(org_id)["network_teacher_count"] = count
        organizations = self.env["res.partner"].browse(list(facts))
        for org in organizations:
            facts[org.id]["has_agreement"] = bool(org.network_cooperation_agreement_id)
        return facts

    @api.model
    def _is_platform_candidate(self, facts, company=None):
        company = company or self.env.company
        return bool(
            facts
            and facts["offer_count"]
            and facts["event_count"]
            and facts["network_teacher_count"] >= company.network_platform_min_teachers
            and (facts["has_agreement"] or not company.network_require_agreement)
        )

    def action_load_candidates(self):
        """List every candidate organization of the school year (keeping lines already there)
        and say what was found: the count, or why nobody qualifies."""
        self.ensure_one()
        if self.state != "draft":
            raise UserError(_("Candidates can only be loaded into a draft decision."))
        facts = self._get_platform_facts(self.school_year_id, company=self.company_id)
        listed = set(self.line_ids.organization_id.ids)
        new = [
            org_id
            for org_id, org_facts in facts.items()
            if org_id not in listed and self._is_platform_candidate(org_facts, self.company_id)
        ]
        organizations = self.env["res.partner"].browse(new).sorted("name")
        self.line_ids = [
            Command.create({"organization_id": org.id, "included": True}) for org in organizations
        ]
        self.line_ids._update_facts()
        if organizations:
            return notification(
                _(
                    "Candidates added: %s.",
                    plural(self.env, len(organizations), _("organization|organizations")),
                )
            )
        minimum = self.company_id.network_platform_min_teachers
        counts = [
            sum(1 for f in facts.values() if f["offer_count"]),
            sum(1 for f in facts.values() if f["offer_count"] and f["event_count"]),
            sum(
                1
                for f in facts.values()
                if f["offer_count"] and f["event_count"] and f["network_teacher_count"] >= minimum
            ),
        ]
        return notification(
            _(
                "No new organization meets the conditions for %(year)s. Published experience: "
                "%(offers)s; of them hosted a network event carried out on request: %(events)s; "
                "of them have at least %(minimum)s «Network teachers» who presented at those "
                "events: %(teachers)s; a cooperation agreement in force is required too.",
                year=self.school_year_id.name,
                offers=counts[0],
                events=counts[1],
                minimum=minimum,
                teachers=counts[2],
            ),
            "warning",
        )

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
            included.organization_id._check_network_agreement(
                _("receive the «Network platform» status")
            )
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
