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
    network_teacher_count = fields.Integer(string="Network Teachers", readonly=True)
    is_candidate = fields.Boolean(
        string="Meets the Conditions",
        readonly=True,
        help="Published experience in the year, hosted a network event carried out on "
        "request and has enough teachers certified «Network teacher» that year.",
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

    def _update_facts(self):
        Decision = self.env["network.council.decision"]
        for decision, lines in self.grouped("decision_id").items():
            facts = Decision._get_platform_facts(
                decision.school_year_id, lines.organization_id.ids, decision.company_id
            )
            for line in lines:
                org_facts = facts.get(line.organization_id.id) or {
                    "offer_count": 0,
                    "event_count": 0,
                    "network_teacher_count": 0,
                }
                values = dict(
                    org_facts,
                    is_candidate=Decision._is_platform_candidate(org_facts, decision.company_id),
                )
                if any(line[field] != value for field, value in values.items()):
                    super(NetworkCouncilDecisionLine, line).write(values)
        return True
