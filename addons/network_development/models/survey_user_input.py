from odoo import api, fields, models


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
