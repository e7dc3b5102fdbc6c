from odoo import api, fields, models
from odoo.tools import SQL


class NetworkKpiReport(models.Model):
    """Diagnostics in the KPIs of a school year (the whole network: campaigns and routes belong
    to no project): teachers diagnosed in closed campaigns, those with at least one deficit,
    routes completed."""

    _inherit = "network.kpi.report"

    teachers_diagnosed = fields.Integer(
        readonly=True, help="Teachers with results in the school year's closed diagnostics."
    )
    teachers_with_deficits = fields.Integer(
        readonly=True, help="Diagnosed teachers with at least one competence in deficit."
    )
    routes_done = fields.Integer(
        string="Routes Completed",
        readonly=True,
        help="Individual educational routes of the school year whose every step is done.",
    )

    @api.model
    def _kpi_ctes(self):
        return [
            *super()._kpi_ctes(),
            (
                "diagnostic_counts",
                SQL(
                    """
                    SELECT d.school_year_id, 0 AS scope_key,
                           count(DISTINCT r.partner_id) AS teachers_diagnosed,
                           count(DISTINCT r.partner_id) FILTER (WHERE r.is_deficit)
                               AS teachers_with_deficits
                      FROM network_diagnostic_result r
                      JOIN network_diagnostic d ON d.id = r.diagnostic_id
                     WHERE d.state = 'closed'
                     GROUP BY 1
                    """
                ),
            ),
            (
                "route_counts",
                SQL(
                    """
                    SELECT school_year_id, 0 AS scope_key, count(*) AS routes_done
                      FROM network_route
                     WHERE state = 'done'
                     GROUP BY 1
                    """
                ),
            ),
        ]

    @api.model
    def _kpi_count_tables(self):
        return [*super()._kpi_count_tables(), "diagnostic_counts", "route_counts"]

    @api.model
    def _kpi_counts(self):
        return dict(
            super()._kpi_counts(),
            teachers_diagnosed=SQL.identifier("diagnostic_counts", "teachers_diagnosed"),
            teachers_with_deficits=SQL.identifier("diagnostic_counts", "teachers_with_deficits"),
            routes_done=SQL.identifier("route_counts", "routes_done"),
        )
