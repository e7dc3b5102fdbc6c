from odoo import fields, models


class NetworkRequest(models.Model):
    _inherit = "network.request"

    direction_id = fields.Many2one(
        related="offer_id.direction_id", store=True, index=True, string="Direction of Innovation"
    )

    def _get_matrix_domain(self, school_year, project=None, event_form=None):
        """The matrix of one direction of innovation when the context names it
        (``network_direction_id``)."""
        domain = super()._get_matrix_domain(school_year, project, event_form)
        direction_id = self.env.context.get("network_direction_id")
        if direction_id:
            domain.append(("direction_id", "=", direction_id))
        return domain
