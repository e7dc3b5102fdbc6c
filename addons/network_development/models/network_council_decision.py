from odoo import api, models


class NetworkCouncilDecision(models.Model):
    """The council sees, next to the facts of rule 3.3.2, how participants rated the events
    each organization hosted that year (rulebook 4.1: the effectiveness of the practices)."""

    _inherit = "network.council.decision"

    @api.model
    def _get_platform_facts(self, school_year, organization_ids=None, company=None):
        facts = super()._get_platform_facts(school_year, organization_ids, company)
        stats = (
            self.env["survey.user_input"].sudo()._network_feedback_by_host(facts, school_year.id)
        )
        for org_id, org_facts in facts.items():
            org_facts["feedback_score"], org_facts["feedback_count"] = stats.get(org_id, (0.0, 0))
        return facts
