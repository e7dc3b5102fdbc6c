from odoo import api, fields, models
from odoo.tools import SQL


class NetworkKpiReport(models.Model):
    """Diagnostics in the KPIs of a school year (the whole network: campaigns and routes belong
    to no project): teachers diagnosed in closed campaigns, those with at least one deficit,
    those whose earlier deficits closed at their next diagnostic, routes completed."""

    _inherit = "network.kpi.report"

    teachers_diagnosed = fields.Integer(
        readonly=True, help="Teachers with results in the school year's closed diagnostics."
    )
    teachers_with_deficits = fields.Integer(
        readonly=True, help="Diagnosed teachers with at least one competence in deficit."
    )
    teachers_rediagnosed = fields.Integer(
        string="Teachers Re-diagnosed with Deficits",
        readonly=True,
        help="Teachers diagnosed in the school year on a competence that was a deficit at their "
        "previous diagnostic.",
    )
    teachers_deficits_closed = fields.Integer(
        string="Deficits Closed at the Next Diagnostic",
        readonly=True,
        help="Of the re-diagnosed teachers, those none of whose earlier deficits is one still.",
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
                # each result next to the same teacher's result on the same competence at
                # their previous closed diagnostic
                "deficit_closing_counts",
                SQL(
                    """
                    SELECT school_year_id, 0 AS scope_key,
                           count(DISTINCT partner_id) AS teachers_rediagnosed,
                           count(DISTINCT partner_id)
                               - count(DISTINCT partner_id) FILTER (WHERE is_deficit)
                               AS teachers_deficits_closed
                      FROM (
                        SELECT d.school_year_id, r.partner_id, r.is_deficit,
                               lag(r.is_deficit) OVER (
                                   PARTITION BY r.partner_id, r.competence_id
                                   ORDER BY d.deadline, d.id
                               ) AS was_deficit
                          FROM network_diagnostic_result r
                          JOIN network_diagnostic d ON d.id = r.diagnostic_id
                         WHERE d.state = 'closed'
                      ) results
                     WHERE was_deficit
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
        return [
            *super()._kpi_count_tables(),
            "diagnostic_counts",
            "deficit_closing_counts",
            "route_counts",
        ]

    @api.model
    def _kpi_counts(self):
        return dict(
            super()._kpi_counts(),
            teachers_diagnosed=SQL.identifier("diagnostic_counts", "teachers_diagnosed"),
            teachers_with_deficits=SQL.identifier("diagnostic_counts", "teachers_with_deficits"),
            teachers_rediagnosed=SQL.identifier("deficit_closing_counts", "teachers_rediagnosed"),
            teachers_deficits_closed=SQL.identifier(
                "deficit_closing_counts", "teachers_deficits_closed"
            ),
            routes_done=SQL.identifier("route_counts", "routes_done"),
        )
