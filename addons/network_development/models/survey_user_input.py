from odoo import api, fields, models
from odoo.tools import SQL


class SurveyUserInput(models.Model):
    """Answers of a diagnostic campaign or of an event's feedback survey remember where they
    come from, so the campaign's results and the event's feedback are read in SQL."""

    _inherit = "survey.user_input"

    network_diagnostic_id = fields.Many2one(
        "network.diagnostic", string="Diagnostic", index="btree_not_null", ondelete="set null"
    )
    network_event_id = fields.Many2one(
        "event.event", string="Feedback on Event", index="btree_not_null", ondelete="set null"
    )
    network_offer_id = fields.Many2one(
        "network.offer",
        string="Feedback on Offer",
        related="network_event_id.offer_id",
        store=True,
        index="btree_not_null",
    )

    def _mark_done(self):
        res = super()._mark_done()
        self.network_event_id._network_check_feedback()
        return res

    @api.model
    def _network_feedback_stats(self, field, ids):
        """``{id: (average %, count)}`` of the finished feedback answers per ``field`` value."""
        groups = self.sudo()._read_group(
            [(field, "in", ids), ("state", "=", "done"), ("test_entry", "=", False)],
            [field],
            ["scoring_percentage:avg", "__count"],
        )
        return {record.id: (avg or 0.0, count) for record, avg, count in groups}

    @api.model
    def _network_feedback_by_host(self, organization_ids, school_year_id=None):
        """``{organization id: (average %, count)}`` of the finished feedback answers on the
        network events the organizations hosted (in ``school_year_id`` when given)."""
        if not organization_ids:
            return {}
        self.env.flush_all()
        rows = self.env.execute_query(
            SQL(
                """
                SELECT e.host_organization_id, avg(i.scoring_percentage), count(*)
                  FROM survey_user_input i
                  JOIN event_event e ON e.id = i.network_event_id
                 WHERE e.host_organization_id = ANY(%s) AND i.state = 'done'
                   AND NOT coalesce(i.test_entry, FALSE) AND %s
                 GROUP BY 1
                """,
                list(organization_ids),
                SQL("e.school_year_id = %s", school_year_id) if school_year_id else SQL("TRUE"),
            )
        )
        return {org_id: (avg or 0.0, count) for org_id, avg, count in rows}
