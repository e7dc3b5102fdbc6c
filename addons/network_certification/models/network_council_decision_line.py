from odoo import _, api, fields, models
from odoo.exceptions import UserError


class NetworkCouncilDecisionLine(models.Model):
    _name = "network.council.decision.line"
    _description = "Council Decision Line"
    _order = "decision_id, is_candidate desc, id"
    _check_company_auto = True

    decision_id = fields.Many2one(
        "network.council.decision", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="decision_id.company_id")
    organization_id = fields.Many2one(
        "res.partner",
        required=True,
        index=True,
        ondelete="restrict",
        domain=[("is_company", "=", True), ("is_network_member", "=", True)],
        check_company=True,
    )
    offer_count = fields.Integer(string="Published Offers", readonly=True)
    event_count = fields.Integer(string="Events Carried Out on Request", readonly=True)
    network_teacher_count = fields.Integer(
        string="Network Teachers",
        readonly=True,
        help="Its teachers certified «Network teacher» this year who presented at its network "
        "events carried out on request (hosted or co-hosted).",
    )
    has_agreement = fields.Boolean(
        string="Agreement in Force",
        readonly=True,
        help="A cooperation agreement with the centre is in force (rulebook 1.8).",
    )
    is_candidate = fields.Boolean(
        string="Meets the Conditions",
        readonly=True,
        help="Published experience in the year, hosted or co-hosted a network event carried "
        "out on request, has enough teachers certified «Network teacher» that year who "
        "presented at such events, and a cooperation agreement in force.",
    )
    included = fields.Boolean(string="Status Granted", default=True)
    reason = fields.Text(help="Why the council departs from the conditions for this organization.")
    certificate_id = fields.Many2one("network.certificate", readonly=True, check_company=True)
    state = fields.Selection(related="decision_id.state")

    _sql_constraints = [
        (
            "decision_organization_uniq",
            "unique(decision_id, organization_id)",
            "An organization is listed once in a decision.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._update_facts()
        return lines

    def write(self, vals):
        if any(line.decision_id.state == "approved" for line in self):
            raise UserError(_("An approved council decision cannot be changed."))
        res = super().write(vals)
        if "organization_id" in vals:
            self._update_facts()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if any(line.decision_id.state == "approved" for line in self):
            raise UserError(_("An approved council decision cannot be changed."))

    def _facts_values(self, facts):
        """The line's facts and candidacy from ``_get_platform_facts``' answer."""
        self.ensure_one()
        org_facts = facts.get(self.organization_id.id) or {
            "offer_count": 0,
            "event_count": 0,
            "network_teacher_count": 0,
            "has_agreement": bool(self.organization_id.network_cooperation_agreement_id),
        }
        return dict(
            org_facts,
            is_candidate=self.env["network.council.decision"]._is_platform_candidate(
                org_facts, self.decision_id.company_id
            ),
        )

    @api.onchange("organization_id")
    def _onchange_organization_id(self):
        # the methodist sees the facts of an added organization before saving
        if self.organization_id and self.decision_id.school_year_id:
            facts = self.env["network.council.decision"]._get_platform_facts(
                self.decision_id.school_year_id,
                self.organization_id.ids,
                self.decision_id.company_id,
            )
            self.update(self._facts_values(facts))

    def _update_facts(self):
        Decision = self.env["network.council.decision"]
        for decision, lines in self.grouped("decision_id").items():
            facts = Decision._get_platform_facts(
                decision.school_year_id, lines.organization_id.ids, decision.company_id
            )
            for line in lines:
                values = line._facts_values(facts)
                if any(line[field] != value for field, value in values.items()):
                    super(NetworkCouncilDecisionLine, line).write(values)
        return True
